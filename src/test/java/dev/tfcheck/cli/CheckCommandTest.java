package dev.tfcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfcheck.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The check command's options, configuration and exit codes, on real plans. */
class CheckCommandTest {
  private static final String INSECURE = Fixtures.path("fixtures/reference/insecure.plan.json").toString();
  private static final String WAGTAIL = Fixtures.path("fixtures/reference/wagtail.plan.json").toString();

  @TempDir
  Path dir;

  @Test
  void textReportListsFindingsMostUrgentFirstThenCounts() {
    Invocation run = Invocation.of(INSECURE, "--only", "TFC-RDS-008,TFC-ECS-003");
    assertEquals(new Invocation(1, """
        FAIL TFC-RDS-008 [HIGH] module.wagtail_rds_instance.aws_rds_cluster.this[0]
          Aurora PostgreSQL forces TLS
          db_cluster_parameter_group_name is "default", a default group that does not force TLS: use an aws_rds_cluster_parameter_group that sets rds.force_ssl = 1
          docs/rules/TFC-RDS-008.md

        UNKNOWN TFC-ECS-003 [HIGH] aws_ecs_task_definition.wagtail
          ECS containers take secrets from secrets, not environment
          container_definitions is known only after apply: its environment cannot be read
          docs/rules/TFC-ECS-003.md

        1 failed, 1 unknown, 0 passed, 0 waived (22 resources, 2 rules)
        """, ""), run);
  }

  @Test
  void cleanPlanExitsZero() {
    Invocation run = Invocation.of(WAGTAIL);
    assertEquals(0, run.exit(), run.out());
    assertTrue(run.out().matches("0 failed, 0 unknown, \\d+ passed, 0 waived \\(135 resources, 50 rules\\)\n"), run.out());
  }

  @Test
  void unknownWarnsByDefaultAndFailsOrPassesOnRequest() {
    assertEquals(0, Invocation.of(INSECURE, "--only", "TFC-ECS-003").exit());
    Invocation fail = Invocation.of(INSECURE, "--only", "TFC-ECS-003", "--unknown", "fail");
    assertEquals(1, fail.exit());
    assertTrue(fail.out().startsWith("FAIL TFC-ECS-003 [HIGH] aws_ecs_task_definition.wagtail\n  ECS containers take secrets"
        + " from secrets, not environment\n  unknown until apply: container_definitions is known only after apply"), fail.out());
    Invocation pass = Invocation.of(INSECURE, "--only", "TFC-ECS-003", "--unknown", "pass");
    assertEquals(new Invocation(0, "0 failed, 0 unknown, 1 passed, 0 waived (22 resources, 1 rule)\n", ""), pass);
  }

  @Test
  void failOnSetsTheThreshold() {
    // The insecure plan's worst FAIL is TFC-NET-001 (CRITICAL); its ECR findings are MEDIUM and LOW.
    assertEquals(1, Invocation.of(INSECURE, "--fail-on", "critical").exit());
    assertEquals(0, Invocation.of(INSECURE, "--only", "TFC-ECR-001,TFC-ECR-003", "--fail-on", "HIGH").exit());
    assertEquals(1, Invocation.of(INSECURE, "--only", "TFC-ECR-001,TFC-ECR-003", "--fail-on", "MEDIUM").exit());
    Invocation bad = Invocation.of(INSECURE, "--fail-on", "SEVERE");
    assertEquals(2, bad.exit());
    assertTrue(bad.err().startsWith("tfcheck: Invalid value for option '--fail-on': 'SEVERE' is not a severity"), bad.err());
  }

  @Test
  void skipAndUnknownRuleIds() {
    Invocation skipped = Invocation.of(INSECURE, "--skip", "TFC-NET-001", "--fail-on", "CRITICAL");
    assertEquals(0, skipped.exit());
    assertEquals(new Invocation(2, "", "tfcheck: --only: no rule TFC-XXX-999 (tfcheck rules lists them)\n"),
        Invocation.of(INSECURE, "--only", "TFC-XXX-999"));
  }

  @Test
  void configurationParametersReachTheRules() throws IOException {
    Path config = Files.writeString(dir.resolve("tfcheck.yaml"), "parameters:\n  min_db_instances: 3\n");
    Invocation run = Invocation.of(WAGTAIL, "--only", "TFC-RDS-005", "--config", config.toString());
    assertEquals(1, run.exit(), run.out());
    assertTrue(run.out().startsWith("FAIL TFC-RDS-005 [HIGH] module.database.aws_rds_cluster.this\n"), run.out());
  }

  @Test
  void configurationErrorsAreOneLine() throws IOException {
    Path unknownKey = Files.writeString(dir.resolve("a.yaml"), "parameter:\n  min_db_instances: 3\n");
    assertEquals(new Invocation(2, "", "tfcheck: " + unknownKey + ": unknown key 'parameter' (known keys: parameters, waivers)\n"),
        Invocation.of(WAGTAIL, "--config", unknownKey.toString()));
    Path unknownParameter = Files.writeString(dir.resolve("b.yaml"), "parameters:\n  min_instances: 3\n");
    assertEquals(new Invocation(2, "", "tfcheck: " + unknownParameter + ": unknown parameter 'min_instances' (tfcheck rules"
        + " --format json lists each rule's parameters)\n"), Invocation.of(WAGTAIL, "--config", unknownParameter.toString()));
    Path notYaml = Files.writeString(dir.resolve("c.yaml"), "parameters: [\n");
    Invocation run = Invocation.of(WAGTAIL, "--config", notYaml.toString());
    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("tfcheck: " + notYaml + ": is not valid YAML: "), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
  }

  @Test
  void onePlanFailingToReadDoesNotStopTheOthers() {
    Path missing = dir.resolve("missing.json");
    Invocation run = Invocation.of(WAGTAIL, missing.toString());
    assertEquals(2, run.exit());
    assertEquals("tfcheck: " + missing + ": no such file\n", run.err());
    assertTrue(run.out().startsWith("0 failed, 0 unknown, "), run.out());
  }

  @Test
  void outputWritesReportsToFilesBesideStdout() throws IOException {
    Path json = dir.resolve("reports/out.json");
    Invocation run = Invocation.of(INSECURE, "--only", "TFC-RDS-008", "--output", "json=" + json);
    assertEquals(1, run.exit());
    assertEquals(Invocation.of(INSECURE, "--only", "TFC-RDS-008", "--format", "json").out(), Files.readString(json));
    assertTrue(run.out().startsWith("FAIL TFC-RDS-008"), "stdout keeps the text report");
    try (Stream<Path> left = Files.list(json.getParent())) {
      assertEquals(List.of(json), left.toList(), "no temporary file left beside the report");
    }
    assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(json)),
        "a report is readable by others, not private like a temporary file");
  }

  @Test
  void noReportFileAfterAnInputError() {
    Path json = dir.resolve("out.json");
    Invocation run = Invocation.of(WAGTAIL, dir.resolve("missing.json").toString(), "--output", "json=" + json);
    assertEquals(2, run.exit());
    assertTrue(Files.notExists(json), "a report that misses a plan is not written");
  }

  @Test
  void malformedOutputIsAUsageError() {
    assertEquals(new Invocation(2, "", "tfcheck: --output out.json: expected FORMAT=PATH, e.g. --output json=report.json\n"),
        Invocation.of(INSECURE, "--output", "out.json"));
    String formats = java.util.Arrays.stream(dev.tfcheck.report.ReportFormat.values())
        .map(dev.tfcheck.report.ReportFormat::id).collect(java.util.stream.Collectors.joining(", "));
    assertEquals(new Invocation(2, "", "tfcheck: --output yaml=x: 'yaml' is not a format (" + formats + ")\n"),
        Invocation.of(INSECURE, "--output", "yaml=x"));
  }

  static Stream<String> corpus() throws IOException {
    List<String> plans = new ArrayList<>();
    for (String d : List.of("fixtures/real", "fixtures/shared-reference")) {
      try (Stream<Path> files = Files.list(Fixtures.path(d))) {
        files.map(Path::toString).filter(p -> p.endsWith(".json") || p.endsWith(".json.gz")).sorted().forEach(plans::add);
      }
    }
    return plans.stream();
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void everyCorpusPlanIsScannedWithoutAnError(String plan) {
    Invocation run = Invocation.of(plan, "--format", "json");
    assertEquals("", run.err());
    assertTrue(run.exit() == 0 || run.exit() == 1, "exit " + run.exit());
  }
}
