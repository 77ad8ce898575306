package dev.tfcheck.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tfcheck.plan.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The floor of the peers benchmark (scripts/bench-peers.sh): a JVM that starts, parses a plan into
 * a Jackson tree with tfcheck's own mapper (plan/Json, the parse tfcheck's PlanReader does) and
 * exits. No JVM tool that reads the whole plan can finish a check faster; tfcheck's distance to it
 * is what the model, the policies and the report cost.
 *
 * <p>Prints the number of resource changes, so that the parse cannot be skipped and a wrong file
 * shows: {@code java -cp target/bench/floor:tfcheck.jar dev.tfcheck.bench.JacksonFloor PLAN.json}.
 */
public final class JacksonFloor {
  private JacksonFloor() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: JacksonFloor PLAN.json");
      System.exit(2);
    }
    Path plan = Path.of(args[0]);
    JsonNode root;
    try (InputStream in = Files.newInputStream(plan)) {
      root = Json.MAPPER.readTree(in);
    }
    System.out.println(plan + ": " + root.path("resource_changes").size() + " resource changes");
  }
}
