package dev.tfcheck.finding;

import dev.tfcheck.plan.Plan;
import java.util.List;
import java.util.Objects;

/** The outcome of checking one plan: every result, and the counts. */
public record CheckResult(Plan plan, String policySha256, List<Result> results, Summary summary) {
  public CheckResult {
    Objects.requireNonNull(plan, "plan");
    results = List.copyOf(results);
  }

  /** Whether any FAIL is at or above the threshold. */
  public boolean failsAt(Severity threshold) {
    for (Result r : results) {
      if (r.outcome() == Outcome.FAIL && r.severity().atLeast(threshold)) {
        return true;
      }
    }
    return false;
  }
}
