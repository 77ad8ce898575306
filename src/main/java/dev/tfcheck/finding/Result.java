package dev.tfcheck.finding;

import java.util.Comparator;
import java.util.Objects;

/**
 * One rule's verdict on one resource (or on the plan, address {@code (plan)}).
 *
 * @param path the attribute that decided, {@code ""} when none
 * @param message why, for FAIL, UNKNOWN and WAIVED; {@code ""} for PASS
 */
public record Result(String ruleId, Severity severity, String address, Outcome outcome, String path, String message) {
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
  }

  public Result withOutcome(Outcome newOutcome, String newMessage) {
    return new Result(ruleId, severity, address, newOutcome, path, newMessage);
  }
}
