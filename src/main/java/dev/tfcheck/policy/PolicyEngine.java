package dev.tfcheck.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.styra.opa.wasm.OpaPolicy;
import dev.tfcheck.plan.Json;
import java.nio.charset.StandardCharsets;
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
 * Evaluates a policy bundle's Wasm in-process: the built-in bundle through its module compiled to
 * bytecode at build time ({@link CompiledPolicy}), users' bundles through opa-java-wasm, which
 * compiles them when loaded and provides the SDK builtins (sprintf, yaml.*) conftest-style
 * policies use. One engine is one Wasm instance: not thread-safe, so use one per thread.
 */
public final class PolicyEngine {
  /** The single entrypoint every bundle built by tfcheck exposes (policies/main.rego). */
  public static final String ENTRYPOINT = "tfcheck/main/verdicts";

  /** What one rule package said: the addresses it judged and its findings. */
  public record Verdict(SortedSet<String> applies, List<Finding> deny) {}

  /** A raw finding as a rule wrote it. */
  public record Finding(String address, String outcome, String path, String message) {}

  /** A loaded Wasm policy module. */
  private interface Module {
    Map<String, Integer> entrypoints();

    String evaluate(String entrypoint, String data, byte[] input);
  }

  private final String name;
  private final Module module;
  private final ObjectNode bundleData;

  private PolicyEngine(String name, Module module, ObjectNode bundleData) {
    this.name = name;
    this.module = module;
    this.bundleData = bundleData;
  }

  public static PolicyEngine load(PolicyBundle bundle) {
    Module module = BuiltinPolicies.compiled(bundle)
        .<Module>map(CompiledModuleAdapter::new)
        .orElseGet(() -> new OpaPolicyAdapter(OpaPolicy.builder().withPolicy(bundle.wasm()).build()));
    ObjectNode data;
    try {
      JsonNode parsed = Json.MAPPER.readTree(bundle.data());
      data = parsed instanceof ObjectNode o ? o : Json.nodes().objectNode();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(bundle.name() + " has an invalid data.json", e);
    }
    return new PolicyEngine(bundle.name(), module, data);
  }

  /** The entrypoints the bundle was built with ({@code tfcheck/main/verdicts}, {@code main}, ...). */
  public Set<String> entrypoints() {
    return new TreeSet<>(module.entrypoints().keySet());
  }

  /**
   * Evaluates every rule on one input document.
   *
   * @param parameters rule parameters, visible to Rego as {@code data.tfcheck.parameters}
   * @return verdicts by rule key ({@code rds.storage_encrypted})
   */
  public SortedMap<String, Verdict> verdicts(byte[] input, ObjectNode parameters) {
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
  public JsonNode evaluate(String entrypoint, byte[] input, ObjectNode data) {
    if (!module.entrypoints().containsKey(entrypoint)) {
      throw new IllegalArgumentException(name + " has no " + entrypoint + " entrypoint");
    }
    String raw = module.evaluate(entrypoint, Json.compact(data), input);
    try {
      return Json.MAPPER.readTree(raw).path(0).path("result");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(name + " returned invalid JSON", e);
    }
  }

  /** The built-in module, compiled at build time; data is reloaded only when it changes. */
  private static final class CompiledModuleAdapter implements Module {
    private final CompiledPolicy policy;
    private final Map<String, Integer> entrypoints;
    private String data = "{}";

    CompiledModuleAdapter(CompiledPolicy policy) {
      this.policy = policy;
      this.entrypoints = policy.entrypoints();
    }

    @Override
    public Map<String, Integer> entrypoints() {
      return entrypoints;
    }

    @Override
    public String evaluate(String entrypoint, String data, byte[] input) {
      if (!data.equals(this.data)) {
        policy.data(data);
        this.data = data;
      }
      return policy.evaluate(entrypoints.get(entrypoint), input);
    }
  }

  /** A module opa-java-wasm loads (and compiles) at run time. */
  private static final class OpaPolicyAdapter implements Module {
    private final OpaPolicy policy;

    OpaPolicyAdapter(OpaPolicy policy) {
      this.policy = policy;
    }

    @Override
    public Map<String, Integer> entrypoints() {
      return policy.entrypoints();
    }

    @Override
    public String evaluate(String entrypoint, String data, byte[] input) {
      policy.entrypoint(entrypoint);
      policy.data(data);
      return policy.input(new String(input, StandardCharsets.UTF_8)).evaluate();
    }
  }
}
