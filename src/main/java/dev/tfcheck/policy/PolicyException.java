package dev.tfcheck.policy;

/** A user's policy that cannot be used; the message is one line that completes {@code "<path>: "}. */
public final class PolicyException extends Exception {
  private static final long serialVersionUID = 1L;

  public PolicyException(String message) {
    super(message);
  }

  public PolicyException(String message, Throwable cause) {
    super(message, cause);
  }
}
