package dev.tfcheck.finding;

import java.util.List;

/**
 * Counts for the last line of a report.
 *
 * @param failed every FAIL, those the baseline already had included
 * @param baseline how many of the FAILs the baseline already had
 */
public record Summary(int failed, int unknown, int passed, int waived, int resources, int rules, int baseline) {
  /** The counts of a run without a baseline. */
  public Summary(int failed, int unknown, int passed, int waived, int resources, int rules) {
    this(failed, unknown, passed, waived, resources, rules, 0);
  }

  public static Summary of(List<Result> results, int resources, int rules) {
    int failed = 0;
    int unknown = 0;
    int passed = 0;
    int waived = 0;
    int baseline = 0;
    for (Result r : results) {
      switch (r.outcome()) {
        case FAIL -> failed++;
        case UNKNOWN -> unknown++;
        case PASS -> passed++;
        case WAIVED -> waived++;
      }
      if (r.baseline()) {
        baseline++;
      }
    }
    return new Summary(failed, unknown, passed, waived, resources, rules, baseline);
  }

  /**
   * {@code 12 failed, 3 unknown, 140 passed, 0 waived (47 resources, 38 rules)}; with a baseline
   * that had some of the failures, {@code 12 failed (10 in the baseline), ...}.
   */
  public String line() {
    return failed + " failed" + (baseline > 0 ? " (" + baseline + " in the baseline)" : "") + ", " + unknown
        + " unknown, " + passed + " passed, " + waived + " waived (" + resources
        + (resources == 1 ? " resource, " : " resources, ") + rules + (rules == 1 ? " rule)" : " rules)");
  }
}
