package dev.tfcheck.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfcheck.Fixtures;
import dev.tfcheck.model.Model;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The policy input is built from the model and the plan's small sections only: a model that has let
 * the plan's resource sections go (as every check without conftest-style policies does) gives the
 * same document.
 */
class PolicyInputTest {
  @ParameterizedTest
  @ValueSource(strings = {"fixtures/reference/wagtail.plan.json", "fixtures/reference/insecure.plan.json",
      "fixtures/rules/violations.plan.json", "fixtures/rules/changes.plan.json", "fixtures/model/modules.plan.json"})
  void aModelWithoutThePlansResourceSectionsGivesTheSameInput(String plan) {
    Model model = Fixtures.model(plan);
    Model slim = model.withoutResourceSections();
    assertTrue(model.plan().root().has("resource_changes"), plan);
    for (String section : List.of("resource_changes", "planned_values", "prior_state", "configuration")) {
      assertTrue(slim.plan().section(section).isMissingNode(), section);
    }
    assertEquals(PolicyInput.of(model), PolicyInput.of(slim));
  }
}
