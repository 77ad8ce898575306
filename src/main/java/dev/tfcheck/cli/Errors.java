package dev.tfcheck.cli;

/** The one way an input error reaches the user: {@code tfcheck: FILE: problem}, exit 2. */
final class Errors {
  private Errors() {}

  static int report(Io io, String file, Exception e, boolean debug) {
    io.err().println("tfcheck: " + file + ": " + e.getMessage());
    if (debug) {
      e.printStackTrace(io.err());
    }
    return ExitCode.ERROR;
  }
}
