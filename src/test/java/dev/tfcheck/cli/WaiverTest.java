package dev.tfcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfcheck.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Waivers and baselines through the command line, on real plans: fixtures/config/insecure-waivers.yaml
 * on the insecure reference plan, checked on a fixed day.
 */
class WaiverTest {
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  private static final String INSECURE = Fixtures.path("fixtures/reference/insecure.plan.json").toString();
  private static final String WAGTAIL = Fixtures.path("fixtures/reference/wagtail.plan.json").toString();
  private static final String MODULES = Fixtures.path("fixtures/model/modules.plan.json").toString();
  private static final String WAIVERS = Fixtures.path("fixtures/config/insecure-waivers.yaml").toString();
  private static final String RDS = "module.wagtail_rds_instance.aws_rds_cluster.this[0]";
  private static final String CANARY = "canary-7f3a9c-not-a-real-password";

  @TempDir
  Path dir;

  /** The first line of every block of a text report: outcome, rule, severity, address. */
  private static List<String> findings(String text) {
    return text.lines().filter(l -> l.matches("(FAIL|UNKNOWN|WAIVED) .*")).toList();
  }

  @Test
  void waivedExpiredAndUnusedWaiversOnTheInsecurePlan() {
    Invocation run = Invocation.of(INSECURE, "--config", WAIVERS, "--today", "2026-06-01");
    assertEquals(1, run.exit());
    assertEquals(List.of(
        "FAIL TFC-NET-001 [CRITICAL] module.wagtail_rds_instance.aws_security_group_rule.cidr_ingress[0]",
        "FAIL TFC-ECS-001 [HIGH] aws_ecs_task_definition.wagtail",
        "FAIL TFC-ECS-002 [HIGH] aws_ecs_task_definition.wagtail",
        "FAIL TFC-IAM-001 [HIGH] aws_iam_policy.wagtail_rds_connect",
        "FAIL TFC-RDS-005 [HIGH] " + RDS,
        "FAIL TFC-RDS-008 [HIGH] " + RDS,
        "FAIL TFC-RDS-009 [HIGH] " + RDS,
        "FAIL TFC-ECR-002 [MEDIUM] aws_ecr_repository.wagtail",
        "FAIL TFC-RDS-002 [MEDIUM] " + RDS,
        "FAIL TFC-RDS-011 [MEDIUM] " + RDS,
        "FAIL TFC-WAIVER-EXPIRED [MEDIUM] module.wagtail_rds_instance.aws_rds_cluster.this",
        "FAIL TFC-ECR-003 [LOW] aws_ecr_repository.wagtail",
        "FAIL TFC-ECR-004 [LOW] aws_ecr_repository.wagtail",
        "FAIL TFC-RDS-014 [LOW] " + RDS,
        "FAIL TFC-RDS-015 [LOW] module.wagtail_rds_instance.aws_rds_cluster_instance.this[0]",
        "UNKNOWN TFC-ECS-003 [HIGH] aws_ecs_task_definition.wagtail",
        "UNKNOWN TFC-ECS-008 [MEDIUM] aws_ecs_task_definition.wagtail",
        "UNKNOWN TFC-ECS-009 [LOW] aws_ecs_task_definition.wagtail",
        "WAIVED TFC-SSM-001 [HIGH] aws_ssm_parameter.db_password",
        "WAIVED TFC-SSM-001 [HIGH] aws_ssm_parameter.db_username",
        "WAIVED TFC-ECR-001 [MEDIUM] aws_ecr_repository.wagtail",
        "WAIVED TFC-RDS-006 [MEDIUM] module.wagtail_rds_instance.aws_rds_cluster_instance.this[0]"),
        findings(run.out()));
    assertTrue(run.out().contains("""
        FAIL TFC-WAIVER-EXPIRED [MEDIUM] module.wagtail_rds_instance.aws_rds_cluster.this
          waiver 4 (TFC-RDS-011 module.wagtail_rds_instance.aws_rds_cluster.this) expired after 2026-05-31: fix what it \
        waives, or have data-team renew it with a later date

        """), run.out());
    assertTrue(run.out().contains("""
        WAIVED TFC-ECR-001 [MEDIUM] aws_ecr_repository.wagtail
          ECR repository tags are immutable
          image_tag_mutability is "MUTABLE": set image_tag_mutability = "IMMUTABLE"; waived until 2026-12-31 by \
        platform-team: images are deployed by digest, so a moved tag cannot change what runs (PLAT-412)
          docs/rules/TFC-ECR-001.md
        """), run.out());
    assertTrue(run.out().endsWith("\n15 failed, 3 unknown, 52 passed, 4 waived (22 resources, 50 rules)\n"), run.out());
    assertEquals("tfcheck: " + WAIVERS + ": warning: waiver 5 (TFC-RDS-001 module.legacy_db.*) matched nothing\n",
        run.err());
  }

  @Test
  void theJsonReportCarriesEveryResultAndWhatEachWaiverDid() throws IOException {
    Invocation run = Invocation.of(INSECURE, "--config", WAIVERS, "--today", "2026-06-01", "--format", "json");
    assertEquals(1, run.exit());
    String actual = run.out().replace(Fixtures.repo() + "/", "")
        .replaceFirst("(\"name\": \"built-in policies\",\\s*\"sha256\": \")[0-9a-f]{64}", "$1");
    Path golden = Fixtures.path("src/test/resources/golden/insecure-waivers.report.json");
    if (UPDATE) {
      Files.writeString(golden, actual);
    }
    assertEquals(Files.readString(golden), actual);
  }

  @Test
  void aWaiverIsInForceUpToAndIncludingItsExpiryDate() {
    // Waiver 3 (TFC-RDS-006) expires on 2026-06-01: in force that day, expired the next.
    List<String> onTheDay = findings(Invocation.of(INSECURE, "--config", WAIVERS, "--today", "2026-06-01").out());
    List<String> dayAfter = findings(Invocation.of(INSECURE, "--config", WAIVERS, "--today", "2026-06-02").out());
    List<String> gone = new ArrayList<>(onTheDay);
    gone.removeAll(dayAfter);
    List<String> added = new ArrayList<>(dayAfter);
    added.removeAll(onTheDay);
    assertEquals(List.of("WAIVED TFC-RDS-006 [MEDIUM] module.wagtail_rds_instance.aws_rds_cluster_instance.this[0]"), gone);
    assertEquals(List.of("FAIL TFC-WAIVER-EXPIRED [MEDIUM] module.wagtail_rds_instance.**",
        "UNKNOWN TFC-RDS-006 [MEDIUM] module.wagtail_rds_instance.aws_rds_cluster_instance.this[0]"), added);
  }

  @Test
  void anExpiredWaiverFailsEvenWhenItsRuleIsNotRunAtItsRulesSeverity() {
    // Only the rules of waivers 1 and 2, both in force and used: waiver 4 (TFC-RDS-011, MEDIUM) has expired.
    Invocation run = Invocation.of(INSECURE, "--config", WAIVERS, "--today", "2026-06-01",
        "--only", "TFC-ECR-001,TFC-SSM-001");
    assertEquals(new Invocation(1, run.out(), ""), run, "no unused warning: waiver 5's rule was not run");
    assertEquals(List.of("FAIL TFC-WAIVER-EXPIRED [MEDIUM] module.wagtail_rds_instance.aws_rds_cluster.this",
        "WAIVED TFC-SSM-001 [HIGH] aws_ssm_parameter.db_password",
        "WAIVED TFC-SSM-001 [HIGH] aws_ssm_parameter.db_username",
        "WAIVED TFC-ECR-001 [MEDIUM] aws_ecr_repository.wagtail"), findings(run.out()));
    assertEquals(0, Invocation.of(INSECURE, "--config", WAIVERS, "--today", "2026-06-01",
        "--only", "TFC-ECR-001,TFC-SSM-001", "--fail-on", "HIGH").exit());
    Invocation dayBefore = Invocation.of(INSECURE, "--config", WAIVERS, "--today", "2026-05-31",
        "--only", "TFC-ECR-001,TFC-SSM-001");
    assertEquals(0, dayBefore.exit(), "the day before, every waiver is in force");
    assertTrue(dayBefore.out().endsWith("\n0 failed, 0 unknown, 0 passed, 3 waived (22 resources, 2 rules)\n"),
        dayBefore.out());
  }

  @Test
  void todayComesFromTheEnvironmentWhenNotGiven() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        INSECURE, "--config", WAIVERS, "--only", "TFC-ECR-001,TFC-SSM-001").redirectErrorStream(true);
    pb.environment().put("TFCHECK_TODAY", "2026-05-31");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    assertTrue(out.endsWith("\n0 failed, 0 unknown, 0 passed, 3 waived (22 resources, 2 rules)\n"), out);
  }

  @Test
  void configurationAndDateErrorsAreOneLineAndExitTwo() throws IOException {
    Path unknownRule = Files.writeString(dir.resolve("rule.yaml"), "waivers:\n  - rule: TFC-XXX-999\n"
        + "    address: '**'\n    reason: r\n    owner: o\n    expires: 2026-12-31\n");
    assertEquals(new Invocation(2, "", "tfcheck: " + unknownRule + ": waiver 1: no rule TFC-XXX-999 (tfcheck rules lists them)\n"),
        Invocation.of(INSECURE, "--config", unknownRule.toString()));
    assertEquals(new Invocation(2, "", "tfcheck: Invalid value for option '--today': '2026-13-01' is not a date (YYYY-MM-DD)\n"
        + "Try 'tfcheck check --help' for usage.\n"), Invocation.of(INSECURE, "--today", "2026-13-01"));
  }

  @Test
  void aBaselineLetsOnlyNewFailuresFail() throws IOException {
    // The baseline: a report of the insecure plan without TFC-NET-001 and TFC-RDS-008.
    Path baseline = dir.resolve("baseline.json");
    assertEquals(1, Invocation.of(INSECURE, "--skip", "TFC-NET-001,TFC-RDS-008", "--output", "json=" + baseline).exit());

    Invocation same = Invocation.of(INSECURE, "--skip", "TFC-NET-001,TFC-RDS-008", "--baseline", baseline.toString());
    assertEquals(0, same.exit(), same.out());
    assertTrue(same.out().startsWith("FAIL TFC-ECS-001 [HIGH] aws_ecs_task_definition.wagtail (in the baseline)\n"),
        same.out());
    assertTrue(same.out().endsWith("\n15 failed (15 in the baseline), 4 unknown, 50 passed, 0 waived (22 resources, 48 rules)\n"),
        same.out());

    Invocation all = Invocation.of(INSECURE, "--baseline", baseline.toString());
    assertEquals(1, all.exit());
    assertEquals(List.of("FAIL TFC-NET-001 [CRITICAL] module.wagtail_rds_instance.aws_security_group_rule.cidr_ingress[0]",
        "FAIL TFC-RDS-008 [HIGH] " + RDS), findings(all.out()).stream().filter(l -> !l.endsWith("(in the baseline)")).toList()
        .subList(0, 2));
    assertTrue(all.out().endsWith("\n17 failed (15 in the baseline), 4 unknown, 52 passed, 0 waived (22 resources, 50 rules)\n"),
        all.out());
    assertEquals(0, Invocation.of(INSECURE, "--baseline", baseline.toString(), "--skip", "TFC-NET-001,TFC-RDS-008").exit());
    assertEquals(0, Invocation.of(INSECURE, "--baseline", baseline.toString(), "--fail-on", "CRITICAL", "--skip",
        "TFC-NET-001").exit(), "the one new failure, TFC-RDS-008, is below the threshold");
  }

  @Test
  void theJsonReportMarksBaselineFailuresAndCountsThem() throws IOException {
    Path baseline = dir.resolve("baseline.json");
    Invocation.of(INSECURE, "--only", "TFC-RDS-008", "--output", "json=" + baseline);
    Invocation run = Invocation.of(INSECURE, "--only", "TFC-RDS-008,TFC-RDS-009", "--baseline", baseline.toString(),
        "--format", "json");
    assertEquals(1, run.exit());
    assertTrue(run.out().contains("""
            {
              "rule_id": "TFC-RDS-008",
              "severity": "HIGH",
              "address": "module.wagtail_rds_instance.aws_rds_cluster.this[0]",
              "outcome": "FAIL",
              "path": "db_cluster_parameter_group_name",
              "message": "db_cluster_parameter_group_name is \\"default\\", a default group that does not force TLS: use an \
        aws_rds_cluster_parameter_group that sets rds.force_ssl = 1",
              "baseline": true
            },
            {
              "rule_id": "TFC-RDS-009",
        """), run.out());
    assertEquals(1, run.out().split("\"baseline\": true", -1).length - 1, run.out());
    assertTrue(run.out().contains("\"failed\": 2,\n    \"baseline\": 1,\n"), run.out());
  }

  @Test
  void aBaselineOfSeveralPlansAndOneThatIsNotAReport() throws IOException {
    Path baseline = dir.resolve("baseline.json");
    Invocation.of(WAGTAIL, INSECURE, "--output", "json=" + baseline);
    assertTrue(Files.readString(baseline).startsWith("[\n"), "an array, one document per plan");
    Invocation run = Invocation.of(INSECURE, WAGTAIL, "--baseline", baseline.toString());
    assertEquals(0, run.exit(), run.out());
    assertEquals(new Invocation(2, "", "tfcheck: " + INSECURE + ": is not a tfcheck JSON report (tfcheck --format json"
        + " writes one): no tool.name \"tfcheck\"\n"), Invocation.of(WAGTAIL, "--baseline", INSECURE));
  }

  @Test
  void aWaiverReasonIsShownAndNoSensitiveValueEverIs() throws IOException {
    Path config = Files.writeString(dir.resolve("modules.yaml"), """
        waivers:
          - rule: TFC-RDS-009
            address: module.db.aws_rds_cluster.this
            reason: the password rotates at first apply (SEC-88)
            owner: security
            expires: 2026-12-31
          - rule: TFC-TAG-001
            address: module.svc["*"].**
            reason: service roles are tagged by the account baseline
            owner: platform-team
            expires: 2026-12-31
        """);
    for (String format : List.of("text", "json")) {
      Invocation run = Invocation.of(MODULES, "--config", config.toString(), "--today", "2026-06-01", "--format", format,
          "--output", format + "=" + dir.resolve("report." + format));
      assertFalse(run.out().contains(CANARY) || run.err().contains(CANARY)
          || Files.readString(dir.resolve("report." + format)).contains(CANARY), format);
      assertTrue(run.out().contains("waived until 2026-12-31 by security: the password rotates at first apply (SEC-88)"),
          run.out());
    }
    assertEquals(List.of("WAIVED TFC-RDS-009 [HIGH] module.db.aws_rds_cluster.this",
        "WAIVED TFC-TAG-001 [LOW] module.svc[\"api\"].aws_iam_role.this",
        "WAIVED TFC-TAG-001 [LOW] module.svc[\"worker\"].aws_iam_role.this"),
        findings(Invocation.of(MODULES, "--config", config.toString(), "--today", "2026-06-01").out()).stream()
            .filter(l -> l.startsWith("WAIVED")).toList());
  }
}
