package dev.tfcheck.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfcheck.Fixtures;
import dev.tfcheck.model.Model;
import dev.tfcheck.plan.Json;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A plan judged in chunks gets exactly the verdicts it gets judged whole, on real plans whose
 * tenants are modules sharing root resources (small chunks here, to exercise the cutting).
 */
class InputChunksTest {
  private static RulePolicies rules(int chunkResources) {
    RuleCatalog catalog = BuiltinPolicies.catalog();
    return new RulePolicies(BuiltinPolicies.bundle(), catalog, List.copyOf(catalog.rules()),
        RulePolicies.parameters(catalog, Json.nodes().objectNode()), UnknownMode.WARN, chunkResources);
  }

  @ParameterizedTest
  @ValueSource(strings = {"fixtures/shared-reference/plan-1k.json.gz", "fixtures/reference/wagtail.plan.json",
      "fixtures/rules/violations.plan.json"})
  void chunkedVerdictsEqualWholeVerdicts(String plan) {
    Model model = Fixtures.model(plan);
    List<InputChunks.Chunk> chunks = InputChunks.of(model, 100);
    assertTrue(chunks.size() > 1, "the plan is cut");
    Set<String> judged = new TreeSet<>();
    chunks.forEach(c -> {
      c.judged().forEach(a -> assertTrue(judged.add(a), a + " is judged once"));
      assertTrue(c.members().containsAll(c.judged()));
    });
    assertEquals(model.resources().keySet(), judged, "every resource is judged");
    assertEquals(rules(Integer.MAX_VALUE).results(model), rules(100).results(model));
  }
}
