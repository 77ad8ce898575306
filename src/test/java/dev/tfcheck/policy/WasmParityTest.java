package dev.tfcheck.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tfcheck.Fixtures;
import dev.tfcheck.model.Model;
import dev.tfcheck.plan.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compiled Wasm, run by opa-java-wasm, must say exactly what OPA itself says about the same
 * input: a builtin that behaves differently under Wasm (sprintf, glob.match, ...) shows up here as a
 * difference in some rule's verdict on a real plan.
 */
class WasmParityTest {
  private static RulePolicies checker;

  @TempDir
  static Path tmp;

  @BeforeAll
  static void load() {
    RuleCatalog catalog = BuiltinPolicies.catalog();
    checker = new RulePolicies(BuiltinPolicies.bundle(), catalog, List.copyOf(catalog.rules()),
        RulePolicies.parameters(catalog, Json.nodes().objectNode()), UnknownMode.WARN);
  }

  static Stream<String> plans() {
    List<String> plans = new ArrayList<>(List.of(
        "fixtures/shared-reference/baseline.plan.json",
        "fixtures/shared-reference/spike-sketch.plan.json",
        "fixtures/model/modules.plan.json",
        "fixtures/real/fugue__regula__sg-ingress_anywhere_ssh_infra.json",
        "fixtures/real/aquasecurity__trivy__tfjson-arbitrary_name.json",
        "fixtures/real/bridgecrewio__checkov__image_referencer-ecs_tfplan.json"));
    for (String optional : List.of("fixtures/reference/wagtail.plan.json", "fixtures/reference/insecure.plan.json",
        "fixtures/rules/violations.plan.json", "fixtures/rules/changes.plan.json")) {
      if (Files.exists(Fixtures.path(optional))) {
        plans.add(optional);
      }
    }
    return plans.stream();
  }

  @ParameterizedTest
  @MethodSource("plans")
  void wasmAgreesWithOpa(String plan) throws Exception {
    Model model = Fixtures.model(plan);
    Map<String, PolicyEngine.Verdict> wasm = checker.verdicts(model);
    Path input = tmp.resolve("input.json");
    Files.writeString(input, Json.compact(PolicyInput.of(model)));
    Path data = tmp.resolve("data.json");
    ObjectNode dataDoc = Json.nodes().objectNode();
    dataDoc.putObject("tfcheck").set("parameters", checker.parameters());
    Files.writeString(data, Json.compact(dataDoc));
    JsonNode opa = opaEval(input, data);
    assertEquals(normalize(opa), normalize(toJson(wasm)), "verdicts differ on " + plan);
  }

  private static JsonNode toJson(Map<String, PolicyEngine.Verdict> verdicts) {
    ObjectNode out = Json.nodes().objectNode();
    verdicts.forEach((key, v) -> {
      ObjectNode o = out.putObject(key);
      ArrayNode applies = o.putArray("applies");
      v.applies().forEach(applies::add);
      ArrayNode deny = o.putArray("deny");
      for (PolicyEngine.Finding f : v.deny()) {
        deny.addObject().put("address", f.address()).put("message", f.message())
            .put("outcome", f.outcome()).put("path", f.path());
      }
    });
    return out;
  }

  /** Sets have no order in Rego: sort every array by its members' JSON text. */
  private static String normalize(JsonNode node) {
    return Json.pretty(sorted(node));
  }

  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      TreeMap<String, JsonNode> fields = new TreeMap<>();
      node.fields().forEachRemaining(e -> fields.put(e.getKey(), sorted(e.getValue())));
      ObjectNode out = Json.nodes().objectNode();
      fields.forEach(out::set);
      return out;
    }
    if (node.isArray()) {
      List<JsonNode> items = new ArrayList<>();
      node.forEach(n -> items.add(sorted(n)));
      items.sort((a, b) -> Json.compact(a).compareTo(Json.compact(b)));
      ArrayNode out = Json.nodes().arrayNode();
      items.forEach(out::add);
      return out;
    }
    return node;
  }

  private static JsonNode opaEval(Path input, Path data) throws IOException, InterruptedException {
    Path opa = Fixtures.path(".tools/bin/opa");
    Process p = new ProcessBuilder(Files.isExecutable(opa) ? opa.toString() : "opa", "eval", "--format", "json",
        "-d", Fixtures.path("policies").toString(), "--ignore", "*_test.rego", "-d", data.toString(),
        "-i", input.toString(), "data.tfcheck.main.verdicts")
        .redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new AssertionError("opa eval failed: " + new String(out, StandardCharsets.UTF_8));
    }
    return Json.MAPPER.readTree(out).path("result").path(0).path("expressions").path(0).path("value");
  }
}
