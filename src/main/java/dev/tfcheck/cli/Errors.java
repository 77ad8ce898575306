package dev.tfcheck.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The one way an error reaches the user: {@code tfcheck: FILE: problem} on one line, exit 2; the
 * stack trace only with {@code --debug}.
 */
final class Errors {
  private Errors() {}

  static int report(Io io, String file, Exception e, boolean debug) {
    lines(file, e.getMessage(), e, debug).forEach(io.err()::println);
    return ExitCode.ERROR;
  }

  /** {@code tfcheck: FILE: problem}, then, with {@code --debug}, the stack trace of {@code cause}. */
  static List<String> lines(String file, String problem, Throwable cause, boolean debug) {
    List<String> out = new ArrayList<>();
    out.add("tfcheck: " + file + ": " + problem);
    if (debug) {
      StringWriter trace = new StringWriter();
      cause.printStackTrace(new PrintWriter(trace));
      out.add(trace.toString().stripTrailing());
    }
    return out;
  }

  /**
   * What to say of a failure nobody foresaw while checking one plan (a bug in tfcheck, or a shape
   * of plan it cannot hold): one line, and the plan counts as not checked.
   */
  static String unexpected(Throwable e) {
    if (e instanceof OutOfMemoryError) {
      return "is too large for the Java heap (" + Runtime.getRuntime().maxMemory() / (1024 * 1024)
          + " MB): give Java more memory (TFCHECK_JAVA_OPTS=-Xmx8g) or check fewer resources per plan";
    }
    if (e instanceof StackOverflowError) {
      return "is nested too deeply to check (the Java stack overflowed)";
    }
    return "internal error while checking it: " + e + " (run with --debug for the stack trace; please report it)";
  }
}
