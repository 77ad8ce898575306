package dev.tfcheck.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfcheck.Fixtures;
import dev.tfcheck.finding.CheckResult;
import dev.tfcheck.finding.Outcome;
import dev.tfcheck.finding.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rule fixtures (real plans of fixtures/rules/*-src) break every rule: the engine must FAIL
 * exactly the (plan, rule, address) triples that fixtures/rules/expected-failures.txt lists, and
 * every rule of the catalog must FAIL somewhere there and PASS somewhere in the fixtures.
 */
class RuleFixturesTest {
  private static final List<String> PLANS = List.of("changes.plan.json", "partial.plan.json", "violations.plan.json");
  private static final TreeMap<String, CheckResult> CHECKS = new TreeMap<>();

  @BeforeAll
  static void check() {
    Checker checker = Checker.builtIn(UnknownMode.WARN);
    for (String plan : PLANS) {
      CHECKS.put(plan, checker.check(Fixtures.model("fixtures/rules/" + plan)));
    }
    CHECKS.put("wagtail", checker.check(Fixtures.model("fixtures/reference/wagtail.plan.json")));
  }

  @Test
  void failsExactlyTheListedResults() throws IOException {
    SortedSet<String> expected = new TreeSet<>();
    for (String line : Files.readAllLines(Fixtures.path("fixtures/rules/expected-failures.txt"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        expected.add(line.strip());
      }
    }
    SortedSet<String> actual = new TreeSet<>();
    for (String plan : PLANS) {
      for (Result r : CHECKS.get(plan).results()) {
        if (r.outcome() == Outcome.FAIL) {
          actual.add(plan + " " + r.ruleId() + " " + r.address());
        }
      }
    }
    assertEquals(String.join("\n", expected), String.join("\n", actual));
  }

  @Test
  void everyRuleFailsSomewhereAndPassesSomewhere() {
    Set<String> failing = new TreeSet<>();
    Set<String> passing = new TreeSet<>();
    for (CheckResult check : CHECKS.values()) {
      for (Result r : check.results()) {
        (r.outcome() == Outcome.FAIL ? failing : r.outcome() == Outcome.PASS ? passing : new TreeSet<String>())
            .add(r.ruleId());
      }
    }
    Set<String> all = new TreeSet<>();
    BuiltinPolicies.catalog().rules().forEach(r -> all.add(r.id()));
    assertTrue(!all.isEmpty());
    assertEquals(all, failing, "every rule FAILs in some fixture");
    assertEquals(all, passing, "every rule PASSes in some fixture");
  }
}
