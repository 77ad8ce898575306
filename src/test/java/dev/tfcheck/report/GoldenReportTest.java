package dev.tfcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tfcheck.Fixtures;
import dev.tfcheck.finding.CheckResult;
import dev.tfcheck.plan.Json;
import dev.tfcheck.policy.BuiltinPolicies;
import dev.tfcheck.policy.Checker;
import dev.tfcheck.policy.RuleCatalog;
import dev.tfcheck.policy.UnknownMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

/**
 * The JSON report of the built-in rules, run through the compiled Wasm, on real plans, against
 * golden files in src/test/resources/golden/. Every result is compared, PASS included. The policy
 * bundle's hash is left out (it changes with every edit of a rule); everything else must match.
 * After an intended change: {@code mvn test -Dtest=GoldenReportTest -Dgolden.update=true}, then
 * review the diff of the golden files.
 */
class GoldenReportTest {
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  private static Checker checker;

  @BeforeAll
  static void load() {
    checker = Checker.builtIn(UnknownMode.WARN);
  }

  static Stream<String> plans() {
    return Stream.of(
        "fixtures/reference/wagtail.plan.json",
        "fixtures/reference/insecure.plan.json",
        "fixtures/shared-reference/baseline.plan.json",
        "fixtures/shared-reference/spike-sketch.plan.json",
        "fixtures/model/modules.plan.json",
        "fixtures/rules/violations.plan.json",
        "fixtures/rules/changes.plan.json",
        "fixtures/rules/partial.plan.json",
        "fixtures/real/aquasecurity__trivy__tfjson-arbitrary_name.json")
        .filter(p -> Files.exists(Fixtures.path(p)));
  }

  @ParameterizedTest
  @MethodSource("plans")
  void jsonReportMatchesTheGoldenFile(String plan) throws Exception {
    CheckResult result = checker.check(Fixtures.model(plan));
    String actual = Json.pretty(JsonReport.of(result)).replace(Fixtures.repo() + "/", "");
    Path golden = Fixtures.path("src/test/resources/golden/" + Path.of(plan).getFileName().toString()
        .replace(".plan.json", "").replace(".json", "") + ".report.json");
    if (UPDATE) {
      Files.writeString(golden, actual);
    }
    String expected = withoutPolicyHash(read(golden));
    actual = withoutPolicyHash(actual);
    JSONAssert.assertEquals(expected, actual, JSONCompareMode.STRICT);
    assertEquals(expected, actual, "same content, same bytes: the report is deterministic in its layout too");
  }

  private static String withoutPolicyHash(String report) {
    return report.replaceFirst("(\"name\": \"built-in policies\",\\s*\"sha256\": \")[0-9a-f]{64}", "$1");
  }

  private static String read(Path golden) throws IOException {
    if (!Files.exists(golden)) {
      throw new AssertionError("no golden file " + golden + ": run with -Dgolden.update=true and review it");
    }
    return Files.readString(golden);
  }
}
