package dev.tfcheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tfcheck.Fixtures;
import dev.tfcheck.plan.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real plan in fixtures/ loads, and the model holds exactly the instances the plan lists with
 * exactly their actions. The expectation is read from the raw JSON here, independently of the
 * model's own address handling, so an address that does not round-trip fails.
 */
class CorpusTest {
  static Stream<String> plans() throws IOException {
    List<String> out = new ArrayList<>();
    for (String dir : List.of("fixtures/real", "fixtures/shared-reference", "fixtures/model", "fixtures/reference")) {
      Path d = Fixtures.path(dir);
      if (!Files.isDirectory(d)) {
        continue;
      }
      try (Stream<Path> files = Files.list(d)) {
        files.map(p -> p.getFileName().toString())
            .filter(n -> n.endsWith(".json") || n.endsWith(".json.gz"))
            .sorted()
            .forEach(n -> out.add(dir + "/" + n));
      }
    }
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("plans")
  void modelHoldsEveryInstanceWithItsActions(String file) {
    Plan plan = Fixtures.plan(file);
    SortedMap<String, List<String>> expected = new TreeMap<>();
    for (JsonNode rc : plan.section("resource_changes")) {
      if (!rc.hasNonNull("deposed")) {
        List<String> actions = new ArrayList<>();
        rc.path("change").path("actions").forEach(a -> actions.add(a.asText()));
        expected.putIfAbsent(rc.path("address").asText(), actions);
      }
    }
    dataSourcesReadDuringPlan(plan.section("prior_state").path("values").path("root_module"), expected);
    Model model = ModelBuilder.build(plan);
    SortedMap<String, List<String>> actual = new TreeMap<>();
    model.resources().forEach((address, r) -> actual.put(address, r.actions()));
    assertFalse(actual.isEmpty(), file + " has resources");
    assertEquals(expected, actual);
  }

  private static void dataSourcesReadDuringPlan(JsonNode module, SortedMap<String, List<String>> out) {
    for (JsonNode r : module.path("resources")) {
      if ("data".equals(r.path("mode").asText())) {
        out.putIfAbsent(r.path("address").asText(), List.of("no-op"));
      }
    }
    for (JsonNode child : module.path("child_modules")) {
      dataSourcesReadDuringPlan(child, out);
    }
  }
}
