package dev.tfcheck.reliability.fuzz;

/** Jazzer's entry point for the whole check command ({@link PlanFuzz#checkCommand}). */
public final class CheckCommandFuzz {
  private CheckCommandFuzz() {}

  public static void fuzzerTestOneInput(byte[] data) {
    PlanFuzz.checkCommand(data);
  }
}
