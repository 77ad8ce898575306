package dev.tfcheck.finding;

/** What a rule concluded about one resource. */
public enum Outcome {
  /** The condition is violated on known values, or a required attribute is not configured. */
  FAIL,
  /** The deciding value is known only after apply and no reference resolves it. */
  UNKNOWN,
  /** A FAIL or UNKNOWN matched by a waiver in force. */
  WAIVED,
  /** The condition holds, on known values or by reference. */
  PASS
}
