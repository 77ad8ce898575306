package dev.tfcheck.cli;

/** tfcheck's exit codes: the contract with CI systems and pre-commit. */
final class ExitCode {
  /** Nothing at or above the threshold failed. */
  static final int CLEAN = 0;
  /** Findings at or above the threshold. */
  static final int FINDINGS = 1;
  /** Usage or input error: nothing was judged, or not everything. */
  static final int ERROR = 2;

  private ExitCode() {}
}
