package dev.tfcheck.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tfcheck.cli.Main;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plans shaped to exhaust memory, each checked in a JVM of its own limited to a 768 MB heap: a
 * resource referenced by 100,000 others (every evaluation of a large plan carries what references
 * a resource, so no chunk could hold it) is refused in one line, never an OutOfMemoryError; a
 * module nested 100 deep is judged.
 */
class AdversarialShapesTest {
  private static final String HEAP = "-Xmx768m";

  @TempDir
  Path dir;

  @Test
  void oneResourceReferencedByAHundredThousandIsRefusedInOneLine() throws Exception {
    Path plan = dir.resolve("hub.json");
    int rules = 100_000;
    try (Writer w = Files.newBufferedWriter(plan)) {
      w.write("{\"format_version\":\"1.2\",\"resource_changes\":[" + change("", "aws_security_group", "db", "",
          "{\"name\":\"db\",\"ingress\":[],\"egress\":[]}"));
      for (int i = 0; i < rules; i++) {
        w.write("," + change("", "aws_security_group_rule", "r", "[" + i + "]",
            "{\"type\":\"ingress\",\"from_port\":443,\"to_port\":443,\"protocol\":\"tcp\",\"cidr_blocks\":[\"10.0.0.0/8\"]}"));
      }
      w.write("],\"configuration\":{\"root_module\":{\"resources\":["
          + config("aws_security_group", "db", "\"name\":{\"constant_value\":\"db\"}") + ","
          + config("aws_security_group_rule", "r",
              "\"security_group_id\":{\"references\":[\"aws_security_group.db.id\",\"aws_security_group.db\"]}")
          + "]}}}");
    }
    Run run = check(plan);
    assertEquals(new Run(2, "", "tfcheck: " + plan + ": is too large to judge: judging 12000 of its resources needs "
        + "100001 in one evaluation (aws_security_group.db alone is referenced by 100000), more than the 48000 the "
        + "policy engine's memory holds\n"), run);
  }

  @Test
  void aModuleNestedAHundredDeepIsJudged() throws Exception {
    int depth = 100;
    StringBuilder changes = new StringBuilder();
    StringBuilder config = new StringBuilder();
    for (int d = depth; d >= 1; d--) {
      String module = "module.m" + ".module.m".repeat(d - 1) + ".";
      changes.append(d == depth ? "" : ",").append(change(module, "aws_s3_bucket", "b", "", "{\"bucket\":\"b" + d + "\"}"));
      String inner = config.length() == 0 ? "" : ",\"module_calls\":{\"m\":{\"source\":\"./m\",\"module\":" + config + "}}";
      config = new StringBuilder("{\"resources\":[" + config("aws_s3_bucket", "b", "\"bucket\":{\"constant_value\":\"b" + d
          + "\"}") + "]" + inner + "}");
    }
    Path plan = Files.writeString(dir.resolve("deep.json"), "{\"format_version\":\"1.2\",\"resource_changes\":[" + changes
        + "],\"configuration\":{\"root_module\":{\"module_calls\":{\"m\":{\"source\":\"./m\",\"module\":" + config + "}}}}}");
    Run run = check(plan);
    assertEquals(new Run(1, "200 failed, 0 unknown, 101 passed, 0 waived (100 resources, 50 rules)\n", ""),
        new Run(run.exit(), run.out().substring(run.out().lastIndexOf('\n', run.out().length() - 2) + 1), run.err()));
  }

  private static String change(String module, String type, String name, String index, String after) {
    return "{\"address\":\"" + module + type + "." + name + index + "\",\"mode\":\"managed\",\"type\":\"" + type
        + "\",\"name\":\"" + name + "\",\"change\":{\"actions\":[\"create\"],\"before\":null,\"after\":" + after
        + ",\"after_unknown\":{\"id\":true},\"after_sensitive\":{}}}";
  }

  private static String config(String type, String name, String expressions) {
    return "{\"address\":\"" + type + "." + name + "\",\"mode\":\"managed\",\"type\":\"" + type + "\",\"name\":\"" + name
        + "\",\"expressions\":{" + expressions + "}}";
  }

  record Run(int exit, String out, String err) {}

  private static Run check(Path plan) throws IOException, InterruptedException {
    Path err = plan.resolveSibling(plan.getFileName() + ".err");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), plan.toString())
        .redirectError(err.toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(p.waitFor(), out, Files.readString(err));
  }
}
