package dev.tfcheck.finding;

import dev.tfcheck.plan.Plan;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of checking one plan: every result, the counts, the policy bundles that judged it,
 * and what each configured waiver did.
 */
public record CheckResult(Plan plan, List<Policy> policies, List<Result> results, Summary summary,
    List<WaiverUse> waivers) {
  /** A policy bundle, by name and SHA-256: evidence of what was checked. */
  public record Policy(String name, String sha256) {}

  public CheckResult {
    Objects.requireNonNull(plan, "plan");
    policies = List.copyOf(policies);
    results = List.copyOf(results);
    waivers = List.copyOf(waivers);
  }

  /** Whether any FAIL at or above the threshold is new: one the baseline did not already have. */
  public boolean failsAt(Severity threshold) {
    for (Result r : results) {
      if (r.isNewFailure() && r.severity().atLeast(threshold)) {
        return true;
      }
    }
    return false;
  }
}
