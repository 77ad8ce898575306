package dev.tfcheck.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tfcheck.Fixtures;
import dev.tfcheck.finding.CheckResult;
import dev.tfcheck.finding.Outcome;
import dev.tfcheck.finding.Result;
import dev.tfcheck.finding.Summary;
import dev.tfcheck.plan.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reference architecture is achievable (its plan, from real Terraform, passes every rule with
 * nothing left unknown) and the spike's own sketch fails exactly the rules its README lists.
 */
class ReferencePlansTest {
  private static Checker checker;
  private static int ruleCount;

  @BeforeAll
  static void load() {
    ruleCount = BuiltinPolicies.catalog().rules().size();
    checker = Checker.builtIn(UnknownMode.WARN);
  }

  @Test
  void referenceWagtailPassesEveryRule() {
    CheckResult check = checker.check(Fixtures.model("fixtures/reference/wagtail.plan.json"));
    Summary s = check.summary();
    assertEquals(List.of(), check.results().stream().filter(r -> r.outcome() != Outcome.PASS).toList());
    assertEquals(new Summary(0, 0, s.passed(), 0, s.resources(), ruleCount), s);
  }

  @Test
  void spikeSketchFailsExactlyTheListedRules() throws IOException {
    Set<String> expected = new TreeSet<>();
    for (String line : Files.readAllLines(Fixtures.path("fixtures/reference/insecure.expected-failures.txt"))) {
      String id = line.replaceAll("#.*", "").trim();
      if (!id.isEmpty()) {
        expected.add(id);
      }
    }
    CheckResult check = checker.check(Fixtures.model("fixtures/reference/insecure.plan.json"));
    Set<String> failed = new TreeSet<>();
    for (Result r : check.results()) {
      if (r.outcome() == Outcome.FAIL) {
        failed.add(r.ruleId());
      }
    }
    assertEquals(expected, failed);
  }

  @Test
  void sharedBaselineHasNoFailure() {
    CheckResult check = checker.check(Fixtures.model("fixtures/shared-reference/baseline.plan.json"));
    assertEquals(0, check.summary().failed(), () -> check.results().stream()
        .filter(r -> r.outcome() == Outcome.FAIL).map(Result::toString).toList().toString());
  }
}
