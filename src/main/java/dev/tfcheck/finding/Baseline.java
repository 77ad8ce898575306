package dev.tfcheck.finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The failures a previous report already had ({@code --baseline}), by rule and address. A FAIL of
 * the current run with the same rule and address is marked {@link Result#baseline()}: still
 * reported, no longer failing the run. The message is not compared (it may name a value that
 * changed), nor is the plan (a report of several plans is one baseline). An expired waiver is
 * never in a baseline: a baseline adopts an estate's old findings, it does not extend exceptions.
 */
public record Baseline(Set<Key> failures) {
  /** What identifies a failure across runs. */
  public record Key(String ruleId, String address) {}

  public Baseline {
    failures = Set.copyOf(failures);
  }

  public static Baseline none() {
    return new Baseline(Set.of());
  }

  public List<Result> apply(List<Result> results) {
    if (failures.isEmpty()) {
      return results;
    }
    List<Result> out = new ArrayList<>(results.size());
    for (Result r : results) {
      boolean known = r.outcome() == Outcome.FAIL && !Waivers.EXPIRED_RULE.equals(r.ruleId())
          && failures.contains(new Key(r.ruleId(), r.address()));
      out.add(known ? r.inBaseline() : r);
    }
    return out;
  }
}
