package dev.tfcheck.policy;

/** What {@code --unknown} does with values known only after apply. */
public enum UnknownMode {
  /** Report UNKNOWN; it does not fail the run (the default). */
  WARN,
  /** Treat UNKNOWN as FAIL. */
  FAIL,
  /** Treat UNKNOWN as PASS. */
  PASS
}
