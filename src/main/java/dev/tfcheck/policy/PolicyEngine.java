package dev.tfcheck.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.styra.opa.wasm.OpaPolicy;
import dev.tfcheck.plan.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Evaluates a compiled policy bundle in-process with opa-java-wasm. One engine is one Wasm instance:
 * not thread-safe, so use one per thread.
 */
public final class PolicyEngine {
  /** The single entrypoint every bundle built by tfcheck exposes (policies/main.rego). */
  public static final String ENTRYPOINT = "tfcheck/main/verdicts";

  /** What one rule package said: the addresses it judged and its findings. */
  public record Verdict(SortedSet<String> applies, List<Finding> deny) {}

  /** A raw finding as a rule wrote it. */
  public record Finding(String address, String outcome, String path, String message) {}

  private final String name;
  private final OpaPolicy policy;
  private final ObjectNode bundleData;

  private PolicyEngine(String name, OpaPolicy policy, ObjectNode bundleData) {
    this.name = name;
    this.policy = policy;
    this.bundleData = bundleData;
  }

  public static PolicyEngine load(PolicyBundle bundle) {
    OpaPolicy policy = OpaPolicy.builder().withPolicy(bundle.wasm()).build();
    ObjectNode data;
    try {
      JsonNode parsed = Json.MAPPER.readTree(bundle.data());
      data = parsed instanceof ObjectNode o ? o : Json.nodes().objectNode();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(bundle.name() + " has an invalid data.json", e);
    }
    return new PolicyEngine(bundle.name(), policy, data);
  }

  /** The entrypoints the bundle was built with ({@code tfcheck/main/verdicts}, {@code main}, ...). */
  public Set<String> entrypoints() {
    return new TreeSet<>(policy.entrypoints().keySet());
  }

  /**
   * Evaluates every rule on one input document.
   *
   * @param parameters rule parameters, visible to Rego as {@code data.tfcheck.parameters}
   * @return verdicts by rule key ({@code rds.storage_encrypted})
   */
  public SortedMap<String, Verdict> verdicts(String input, ObjectNode parameters) {
    ObjectNode data = bundleData.deepCopy();
    ObjectNode tfcheck = data.has("tfcheck") && data.get("tfcheck").isObject()
        ? (ObjectNode) data.get("tfcheck") : data.putObject("tfcheck");
    tfcheck.set("parameters", parameters);
    JsonNode byKey = evaluate(ENTRYPOINT, input, data);
    if (!byKey.isObject()) {
      // Fail closed: a policy that produced nothing must not read as a clean plan.
      throw new IllegalStateException(name + " produced no verdicts");
    }
    SortedMap<String, Verdict> verdicts = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = byKey.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      SortedSet<String> applies = new TreeSet<>();
      e.getValue().path("applies").forEach(a -> applies.add(a.asText()));
      List<Finding> deny = new ArrayList<>();
      for (JsonNode f : e.getValue().path("deny")) {
        deny.add(new Finding(f.path("address").asText(""), f.path("outcome").asText("FAIL"),
            f.path("path").asText(""), f.path("message").asText("")));
      }
      verdicts.put(e.getKey(), new Verdict(applies, deny));
    }
    return verdicts;
  }

  /** The value of one entrypoint for an input and data; a missing node when it is undefined. */
  public JsonNode evaluate(String entrypoint, String input, ObjectNode data) {
    if (!policy.entrypoints().containsKey(entrypoint)) {
      throw new IllegalArgumentException(name + " has no " + entrypoint + " entrypoint");
    }
    policy.entrypoint(entrypoint);
    policy.data(data);
    String raw = policy.input(input).evaluate();
    try {
      return Json.MAPPER.readTree(raw).path(0).path("result");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(name + " returned invalid JSON", e);
    }
  }
}
