package dev.tfcheck.policy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A policy failed while judging a plan: an evaluation error (a complete rule with two values, a
 * builtin's error under Wasm), or the engine out of memory. The plan was not judged, so the run
 * must not pass. The message is one line that completes {@code "<plan>: "}.
 */
public final class PolicyFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Where {@link UserPolicies} compiles a directory: Wasm errors name the Rego file by that
   * temporary path, which says nothing to the user and differs from run to run.
   */
  private static final Pattern COMPILED_SOURCE = Pattern.compile("\\S*tfcheck-policy\\d*/src/user/");

  /** A failure with a complete message. */
  public PolicyFailure(String message) {
    super(message);
  }

  /** A policy set's evaluation that threw. */
  PolicyFailure(PolicyBundle policy, RuntimeException cause) {
    super(describe(policy.name(), cause), cause);
  }

  private static String describe(String policy, RuntimeException cause) {
    String what = cause.getMessage() == null ? cause.toString() : cause.getMessage();
    int nl = what.indexOf('\n');
    what = (nl < 0 ? what : what.substring(0, nl)).strip().replaceFirst("^opa_abort - ", "");
    what = COMPILED_SOURCE.matcher(what).replaceAll(Matcher.quoteReplacement(policy + "/"));
    if (what.contains("opa_malloc")) {
      return "is too large for the policy engine's memory (" + policy + ": " + what
          + "): check fewer resources per plan";
    }
    return "cannot be judged: the policy " + policy + " failed: " + what;
  }
}
