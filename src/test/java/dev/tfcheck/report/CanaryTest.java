package dev.tfcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfcheck.Fixtures;
import dev.tfcheck.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets never leave: the model fixture's plan holds a sensitive variable whose value is a canary,
 * and its Terraform holds it as the variable's default; no report format, on stdout or in a file,
 * with or without source locations, contains it.
 */
class CanaryTest {
  private static final String CANARY = "canary-7f3a9c";
  private static final String PLAN = "fixtures/model/modules.plan.json";
  private static final String SOURCE = "fixtures/model/modules-src";

  @TempDir
  Path dir;

  @Test
  void theInputsHoldTheCanary() throws Exception {
    assertTrue(Files.readString(Fixtures.path(PLAN)).contains(CANARY), "else this test proves nothing");
    assertTrue(Files.readString(Fixtures.path(SOURCE + "/main.tf")).contains(CANARY), "else this test proves nothing");
  }

  @Test
  void noFormatCarriesTheSensitiveValue() throws Exception {
    for (ReportFormat format : ReportFormat.values()) {
      List<String> args = new ArrayList<>(List.of(Fixtures.path(PLAN).toString(), "--format", format.id()));
      for (ReportFormat file : ReportFormat.values()) {
        args.add("--output");
        args.add(file.id() + "=" + dir.resolve("report." + file.id()));
      }
      for (List<String> source : List.of(List.<String>of(), List.of("--source-dir", Fixtures.path(SOURCE).toString()))) {
        List<String> all = new ArrayList<>(args);
        all.addAll(source);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), all.toArray(String[]::new));
        String stdout = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, exit, err.toString(StandardCharsets.UTF_8));
        assertFalse(stdout.isEmpty(), format.id());
        assertFalse(stdout.contains(CANARY), format.id() + " on stdout " + source);
        assertFalse(err.toString(StandardCharsets.UTF_8).contains(CANARY), "stderr");
        for (ReportFormat file : ReportFormat.values()) {
          String written = Files.readString(dir.resolve("report." + file.id()));
          assertFalse(written.isEmpty(), file.id());
          assertFalse(written.contains(CANARY), file.id() + " written to a file " + source);
        }
      }
    }
  }
}
