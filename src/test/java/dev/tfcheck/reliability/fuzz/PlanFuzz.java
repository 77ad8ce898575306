package dev.tfcheck.reliability.fuzz;

import dev.tfcheck.cli.Main;
import dev.tfcheck.model.MaskedPlan;
import dev.tfcheck.model.Model;
import dev.tfcheck.model.ModelBuilder;
import dev.tfcheck.plan.Json;
import dev.tfcheck.plan.Plan;
import dev.tfcheck.plan.PlanException;
import dev.tfcheck.plan.PlanReader;
import dev.tfcheck.policy.PolicyInput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The fuzz targets, for Jazzer's own driver (scripts/fuzz.sh) and for {@link PlanFuzzTest}'s
 * replay of the inputs found so far. What must hold for any bytes at all:
 * the reader accepts them or refuses them with a one-line PlanException, and whatever it accepts the
 * model, the policy input document and the masked plan are built from without an exception; the
 * command line answers 0, 1 or 2 with nothing but one-line {@code tfcheck:} messages on stderr.
 */
public final class PlanFuzz {
  private PlanFuzz() {}

  /** Jazzer's entry point: the reader and the model. */
  public static void fuzzerTestOneInput(byte[] data) {
    readAndModel(data);
  }

  static void readAndModel(byte[] data) {
    Plan plan;
    try {
      plan = new PlanReader(new ByteArrayInputStream(data), "tfcheck-fuzz-no-terraform", true).read("-");
    } catch (PlanException e) {
      if (e.getMessage() == null || e.getMessage().isEmpty() || e.getMessage().contains("\n")) {
        throw new IllegalStateException("a refusal must be one line: " + e.getMessage(), e);
      }
      return;
    }
    Model model = ModelBuilder.build(plan);
    Json.compact(PolicyInput.of(model));
    Json.compact(MaskedPlan.of(plan, model));
  }

  /** The whole check command on the bytes as standard input, with the built-in rules. */
  static void checkCommand(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.run(new ByteArrayInputStream(data), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), "check", "-", "--format", "json");
    String stderr = err.toString(StandardCharsets.UTF_8);
    if (exit < 0 || exit > 2) {
      throw new IllegalStateException("exit " + exit);
    }
    for (String line : stderr.lines().toList()) {
      if (!line.startsWith("tfcheck: -: ") || line.contains("internal error")) {
        throw new IllegalStateException("stderr: " + stderr);
      }
    }
    if (exit == 2 && stderr.isEmpty()) {
      throw new IllegalStateException("exit 2 without a word");
    }
  }
}
