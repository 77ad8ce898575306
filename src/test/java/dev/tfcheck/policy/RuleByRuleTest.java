package dev.tfcheck.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tfcheck.Fixtures;
import dev.tfcheck.finding.Result;
import dev.tfcheck.model.Model;
import dev.tfcheck.plan.Json;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The built-in bundle evaluated rule by rule, on one parsed input (what spreads the rules over
 * threads and skips those not asked for), says exactly what it says evaluated all at once.
 */
class RuleByRuleTest {
  private static final RuleCatalog CATALOG = BuiltinPolicies.catalog();
  private static final ObjectNode PARAMETERS = RulePolicies.parameters(CATALOG, Json.nodes().objectNode());

  @Test
  void everyRuleHasAnEntrypointOfItsOwn() {
    PolicyEngine engine = PolicyEngine.load(BuiltinPolicies.bundle());
    Set<String> keys = CATALOG.rules().stream().map(Rule::key).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(keys, engine.ruleKeys());
  }

  @ParameterizedTest
  @ValueSource(strings = {"fixtures/shared-reference/plan-1k.json.gz", "fixtures/reference/insecure.plan.json",
      "fixtures/rules/violations.plan.json", "fixtures/rules/changes.plan.json"})
  void ruleByRuleVerdictsEqualAllAtOnce(String plan) {
    EngineInput input = EngineInput.of(PolicyInput.of(Fixtures.model(plan)));
    PolicyEngine engine = PolicyEngine.load(BuiltinPolicies.bundle());
    SortedMap<String, PolicyEngine.Verdict> together = engine.verdicts(input, PARAMETERS);
    engine.input(input, PARAMETERS);
    SortedMap<String, PolicyEngine.Verdict> one = new TreeMap<>();
    // Backwards, so that no rule leans on what an earlier one left in the instance.
    for (String key : new TreeSet<>(engine.ruleKeys()).descendingSet()) {
      one.put(key, engine.verdict(key));
    }
    assertEquals(together, one);
  }

  /** --only: the rules asked for, evaluated alone (on two threads for the 1k plan), judge as they do among all. */
  @ParameterizedTest
  @ValueSource(strings = {"fixtures/shared-reference/plan-1k.json.gz", "fixtures/rules/violations.plan.json"})
  void aSubsetOfRulesJudgesAsAmongAll(String plan) {
    Model model = Fixtures.model(plan);
    Set<String> subset = Set.of("TFC-TAG-001", "TFC-NET-001", "TFC-IAM-002", "TFC-S3-002");
    List<Rule> chosen = CATALOG.rules().stream().filter(r -> subset.contains(r.id())).toList();
    assertEquals(subset.size(), chosen.size(), "the subset names existing rules");
    List<Result> all = new RulePolicies(BuiltinPolicies.bundle(), CATALOG, List.copyOf(CATALOG.rules()), PARAMETERS,
        UnknownMode.WARN).results(model);
    List<Result> some = new RulePolicies(BuiltinPolicies.bundle(), CATALOG, chosen, PARAMETERS, UnknownMode.WARN)
        .results(model);
    assertFalse(some.isEmpty(), "the subset judges something on " + plan);
    assertEquals(all.stream().filter(r -> subset.contains(r.ruleId())).toList(), some);
  }
}
