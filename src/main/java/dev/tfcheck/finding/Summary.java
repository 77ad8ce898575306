package dev.tfcheck.finding;

import java.util.List;

/** Counts for the last line of a report. */
public record Summary(int failed, int unknown, int passed, int waived, int resources, int rules) {
  public static Summary of(List<Result> results, int resources, int rules) {
    int failed = 0;
    int unknown = 0;
    int passed = 0;
    int waived = 0;
    for (Result r : results) {
      switch (r.outcome()) {
        case FAIL -> failed++;
        case UNKNOWN -> unknown++;
        case PASS -> passed++;
        case WAIVED -> waived++;
      }
    }
    return new Summary(failed, unknown, passed, waived, resources, rules);
  }

  /** {@code 12 failed, 3 unknown, 140 passed, 0 waived (47 resources, 38 rules)}. */
  public String line() {
    return failed + " failed, " + unknown + " unknown, " + passed + " passed, " + waived + " waived ("
        + resources + (resources == 1 ? " resource, " : " resources, ") + rules + (rules == 1 ? " rule)" : " rules)");
  }
}
