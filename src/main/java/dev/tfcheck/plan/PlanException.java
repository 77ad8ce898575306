package dev.tfcheck.plan;

/**
 * The input is not a plan tfcheck can read. The message is one line that completes
 * {@code "<file>: "}, says what is wrong and, where it helps, what to do.
 */
public final class PlanException extends Exception {
  private static final long serialVersionUID = 1L;

  public PlanException(String message) {
    super(message);
  }

  public PlanException(String message, Throwable cause) {
    super(message, cause);
  }
}
