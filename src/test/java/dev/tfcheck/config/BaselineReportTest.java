package dev.tfcheck.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tfcheck.Fixtures;
import dev.tfcheck.finding.Baseline;
import dev.tfcheck.finding.Baseline.Key;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --baseline: the FAILs of a tfcheck JSON report, and a one-line error for anything else. */
class BaselineReportTest {
  private static final String RDS = "module.wagtail_rds_instance.aws_rds_cluster.this[0]";
  private static final String REPORT = """
      {"schema_version": "1.0", "tool": {"name": "tfcheck", "version": "0.1.0"}, "results": [
        {"rule_id": "TFC-RDS-001", "address": "a.b", "outcome": "FAIL"},
        {"rule_id": "TFC-RDS-002", "address": "a.b", "outcome": "UNKNOWN"},
        {"rule_id": "TFC-RDS-003", "address": "a.b", "outcome": "WAIVED"},
        {"rule_id": "TFC-RDS-004", "address": "a.b", "outcome": "PASS"}]}
      """;

  @TempDir
  Path dir;

  @Test
  void theFailsOfAReportOfTheInsecurePlan() throws ConfigException {
    assertEquals(new Baseline(Set.of(
            new Key("TFC-ECR-001", "aws_ecr_repository.wagtail"),
            new Key("TFC-ECR-002", "aws_ecr_repository.wagtail"),
            new Key("TFC-ECR-003", "aws_ecr_repository.wagtail"),
            new Key("TFC-ECR-004", "aws_ecr_repository.wagtail"),
            new Key("TFC-ECS-001", "aws_ecs_task_definition.wagtail"),
            new Key("TFC-ECS-002", "aws_ecs_task_definition.wagtail"),
            new Key("TFC-IAM-001", "aws_iam_policy.wagtail_rds_connect"),
            new Key("TFC-NET-001", "module.wagtail_rds_instance.aws_security_group_rule.cidr_ingress[0]"),
            new Key("TFC-RDS-002", RDS),
            new Key("TFC-RDS-005", RDS),
            new Key("TFC-RDS-008", RDS),
            new Key("TFC-RDS-009", RDS),
            new Key("TFC-RDS-011", RDS),
            new Key("TFC-RDS-014", RDS),
            new Key("TFC-RDS-015", "module.wagtail_rds_instance.aws_rds_cluster_instance.this[0]"),
            new Key("TFC-SSM-001", "aws_ssm_parameter.db_password"),
            new Key("TFC-SSM-001", "aws_ssm_parameter.db_username"))),
        BaselineReport.read(Fixtures.path("src/test/resources/golden/insecure.report.json")));
  }

  @Test
  void onlyFailsCountAndAnArrayOfReportsIsOneBaseline() throws IOException, ConfigException {
    assertEquals(new Baseline(Set.of(new Key("TFC-RDS-001", "a.b"))), read(REPORT));
    String other = REPORT.replace("\"a.b\", \"outcome\": \"FAIL\"", "\"c.d\", \"outcome\": \"FAIL\"");
    assertEquals(new Baseline(Set.of(new Key("TFC-RDS-001", "a.b"), new Key("TFC-RDS-001", "c.d"))),
        read("[" + REPORT + "," + other + "]"));
    assertEquals(Baseline.none(), read("[]"), "tfcheck's report when no plan could be read");
  }

  @Test
  void anythingElseIsOneLineNamingTheFile() throws IOException {
    String notAReport = "is not a tfcheck JSON report (tfcheck --format json writes one): ";
    String[][] cases = {
        {"{\"results\": [\n  {}\n", notAReport + "not JSON (line 3, column 1)"},
        {"\"results\"", notAReport + "no tool.name \"tfcheck\""},
        {REPORT.replace("tfcheck", "checkov"), notAReport + "no tool.name \"tfcheck\""},
        {REPORT.replace("1.0", "2.0"), notAReport + "schema_version is '2.0', and this tfcheck reads 1.x"},
        {REPORT.replace("\"results\"", "\"findings\""), notAReport + "no results list"},
        {REPORT.replace("\"rule_id\": \"TFC-RDS-003\", ", ""), notAReport + "results[2] has no rule_id"},
        {"[" + REPORT + ", {}]", notAReport + "no [1].tool.name \"tfcheck\""},
        {"[" + REPORT + "," + REPORT.replace("\"outcome\": \"PASS\"", "\"outcome\": 1") + "]",
            notAReport + "[1].results[3] has no outcome"},
    };
    for (String[] c : cases) {
      Path file = Files.writeString(dir.resolve("baseline.json"), c[0]);
      ConfigException e = assertThrows(ConfigException.class, () -> BaselineReport.read(file), c[0]);
      assertEquals(file + ": " + c[1], e.file() + ": " + e.getMessage(), c[0]);
    }
    Path plan = Fixtures.path("fixtures/reference/wagtail.plan.json");
    assertEquals(plan + ": " + notAReport + "no tool.name \"tfcheck\"",
        assertThrows(ConfigException.class, () -> BaselineReport.read(plan)).getMessage().transform(m -> plan + ": " + m));
    Path missing = dir.resolve("missing.json");
    assertEquals("no such file", assertThrows(ConfigException.class, () -> BaselineReport.read(missing)).getMessage());
  }

  private Baseline read(String json) throws IOException, ConfigException {
    return BaselineReport.read(Files.writeString(dir.resolve("baseline.json"), json));
  }
}
