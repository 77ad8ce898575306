package dev.tfcheck.finding;

import java.util.Comparator;
import java.util.Objects;

/**
 * One rule's verdict on one resource (or on the plan, address {@code (plan)}).
 *
 * @param path the attribute that decided, {@code ""} when none
 * @param message why, for FAIL, UNKNOWN and WAIVED; {@code ""} for PASS
 * @param baseline a FAIL that the {@code --baseline} report already had for the same rule and
 *     address: reported, but not failing the run
 */
public record Result(String ruleId, Severity severity, String address, Outcome outcome, String path, String message,
    boolean baseline) {
  /** Reports list results in this order: rule, then address. */
  public static final Comparator<Result> BY_RULE =
      Comparator.comparing(Result::ruleId).thenComparing(Result::address).thenComparing(Result::message);

  /** Findings first, most severe first. */
  public static final Comparator<Result> BY_URGENCY = Comparator.comparing(Result::outcome)
      .thenComparing(Result::severity)
      .thenComparing(Result::ruleId)
      .thenComparing(Result::address)
      .thenComparing(Result::message);

  public Result {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(outcome, "outcome");
    path = Objects.requireNonNullElse(path, "");
    message = Objects.requireNonNullElse(message, "");
    if (baseline && outcome != Outcome.FAIL) {
      throw new IllegalArgumentException("only a FAIL is in a baseline: " + outcome);
    }
  }

  /** A result as a rule gives it, before any baseline. */
  public Result(String ruleId, Severity severity, String address, Outcome outcome, String path, String message) {
    this(ruleId, severity, address, outcome, path, message, false);
  }

  public Result withOutcome(Outcome newOutcome, String newMessage) {
    return new Result(ruleId, severity, address, newOutcome, path, newMessage, baseline && newOutcome == Outcome.FAIL);
  }

  /** This FAIL, marked as one the baseline already had. */
  public Result inBaseline() {
    return new Result(ruleId, severity, address, outcome, path, message, true);
  }

  /** A FAIL that counts towards the exit code: not one the baseline already had. */
  public boolean isNewFailure() {
    return outcome == Outcome.FAIL && !baseline;
  }
}
