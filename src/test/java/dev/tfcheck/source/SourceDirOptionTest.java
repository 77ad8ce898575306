package dev.tfcheck.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tfcheck.Fixtures;
import dev.tfcheck.cli.Main;
import dev.tfcheck.plan.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --source-dir} on the command line: the SARIF on stdout points at the .tf lines; a bad directory is an input error. */
class SourceDirOptionTest {
  private static final String INSECURE = Fixtures.path("fixtures/reference/insecure.plan.json").toString();

  @TempDir
  Path dir;

  @Test
  void sarifOnStdoutPointsAtTheResourceBlocks() throws Exception {
    Path source = Fixtures.path("reference-terraform/examples/insecure");
    Output run = run(INSECURE, "--only", "TFC-RDS-008,TFC-ECR-001", "--format", "sarif", "--source-dir", source.toString());
    assertEquals(1, run.exit(), run.err());
    List<String> located = new ArrayList<>();
    for (JsonNode r : Json.MAPPER.readTree(run.out()).at("/runs/0/results")) {
      JsonNode physical = r.at("/locations/0/physicalLocation");
      located.add(r.path("ruleId").asText() + " " + r.path("kind").asText() + " "
          + physical.at("/artifactLocation/uri").asText() + ":" + physical.at("/region/startLine").asInt());
    }
    assertEquals(List.of(
        "TFC-ECR-001 fail " + source.resolve("main.tf").toUri() + ":98",
        "TFC-RDS-008 fail " + source.resolve("modules/rds-aurora-v2/main.tf").toUri() + ":23"), located);
  }

  @Test
  void aDirectoryThatIsNotThereOrHoldsNoTerraformIsAnInputError() {
    Path missing = dir.resolve("missing");
    assertEquals(new Output(2, "", "tfcheck: " + missing + ": not a directory\n"),
        run(INSECURE, "--source-dir", missing.toString()));
    assertEquals(new Output(2, "", "tfcheck: " + dir + ": no .tf files in the directory\n"),
        run(INSECURE, "--source-dir", dir.toString()));
  }

  private record Output(int exit, String out, String err) {}

  private static Output run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.run(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), args);
    return new Output(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
