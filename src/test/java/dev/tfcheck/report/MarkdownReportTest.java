package dev.tfcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfcheck.Fixtures;
import dev.tfcheck.finding.CheckResult;
import dev.tfcheck.finding.Outcome;
import dev.tfcheck.finding.Result;
import dev.tfcheck.finding.Severity;
import dev.tfcheck.finding.Summary;
import dev.tfcheck.plan.Json;
import dev.tfcheck.plan.Plan;
import dev.tfcheck.policy.Checker;
import dev.tfcheck.policy.UnknownMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pull request comment: its whole layout on a small run, its escaping, and GitHub's size limit on a large plan. */
class MarkdownReportTest {
  private static final String DOCS = "https://github.com/tfcheck/tfcheck/blob/main/docs/rules/";

  @Test
  void aSmallRunIsListedWhole() {
    List<Result> results = List.of(
        new Result("TFC-RDS-001", Severity.HIGH, "module.db.aws_rds_cluster.this", Outcome.FAIL, "storage_encrypted",
            "storage_encrypted is false: set storage_encrypted = true"),
        new Result("TFC-RDS-001", Severity.HIGH, "module.db2.aws_rds_cluster.this", Outcome.FAIL, "storage_encrypted",
            "storage_encrypted is false: set storage_encrypted = true"),
        new Result("TFC-ECS-003", Severity.HIGH, "aws_ecs_task_definition.app", Outcome.UNKNOWN, "container_definitions",
            "container_definitions is known only after apply"),
        new Result("TFC-S3-001", Severity.HIGH, "aws_s3_bucket.site", Outcome.WAIVED, "",
            "no public access block; waived until 2030-01-01 by web-team: public website"),
        new Result("TFC-RDS-001", Severity.HIGH, "aws_rds_cluster.ok", Outcome.PASS, "", ""),
        new Result("TFC-S3-001", Severity.HIGH, "aws_s3_bucket.logs", Outcome.PASS, "", ""));
    CheckResult check = new CheckResult(new Plan("plans/app.json", "0".repeat(64), Json.nodes().objectNode(), "1.2",
        "1.11.4", List.of()), List.of(), results, Summary.of(results, 5, 3), List.of());
    assertEquals("""
        ## ❌ tfcheck: 2 failed, 1 unknown, 2 passed, 1 waived

        | severity | failed | unknown | passed | waived |
        |---|---:|---:|---:|---:|
        | CRITICAL | 0 | 0 | 0 | 0 |
        | HIGH | 2 | 1 | 2 | 1 |
        | MEDIUM | 0 | 0 | 0 | 0 |
        | LOW | 0 | 0 | 0 | 0 |

        ### `plans/app.json`

        2 failed, 1 unknown, 2 passed, 1 waived (5 resources, 3 rules)

        #### Failed (2)

        | severity | rule | resource | why |
        |---|---|---|---|
        | HIGH | [TFC-RDS-001](DOCSTFC-RDS-001.md) RDS storage is encrypted | `module.db.aws_rds_cluster.this` | storage\\_encrypted is false: set storage\\_encrypted = true |
        |  |  | `module.db2.aws_rds_cluster.this` | storage\\_encrypted is false: set storage\\_encrypted = true |

        #### Unknown until apply (1)

        | severity | rule | resource | why |
        |---|---|---|---|
        | HIGH | [TFC-ECS-003](DOCSTFC-ECS-003.md) ECS containers take secrets from secrets, not environment | `aws_ecs_task_definition.app` | container\\_definitions is known only after apply |

        #### Waived (1)

        | severity | rule | resource | why |
        |---|---|---|---|
        | HIGH | [TFC-S3-001](DOCSTFC-S3-001.md) S3 buckets block public access | `aws_s3_bucket.site` | no public access block; waived until 2030-01-01 by web-team: public website |

        <details><summary>Passed (2)</summary>

        | rule | resource |
        |---|---|
        | [TFC-RDS-001](DOCSTFC-RDS-001.md) RDS storage is encrypted | `aws_rds_cluster.ok` |
        | [TFC-S3-001](DOCSTFC-S3-001.md) S3 buckets block public access | `aws_s3_bucket.logs` |

        </details>
        """.replace("DOCS", DOCS), ReportFormat.MARKDOWN.report().render(new Run(List.of(check), ReportCases.catalog())));
  }

  @Test
  void cellsShowTextAsWrittenAndStartNoMention() {
    assertEquals("a \\| b \\<script\\> \\@team \\#12 \\*x\\* \\_y\\_ \\`z\\` \\[l\\](u) \\~s\\~ \\&amp; \\! \\\\<br>next",
        MarkdownReport.cell("a | b <script> @team #12 *x* _y_ `z` [l](u) ~s~ &amp; ! \\\r\nnext"));
    assertEquals("`module.a[\"x\\|y\"].b.c`", MarkdownReport.code("module.a[\"x|y\"].b.c"));
    assertEquals("`` a`b ``", MarkdownReport.code("a`b"));
  }

  @Test
  void theTenThousandResourcePlanStaysUnderGitHubsCommentLimit() {
    CheckResult check = Checker.builtIn(UnknownMode.WARN).check(Fixtures.model("fixtures/shared-reference/plan-10k.json.gz"));
    String comment = ReportFormat.MARKDOWN.report().render(new Run(List.of(check), ReportCases.catalog()));
    assertTrue(comment.length() <= 65_536, "a comment of " + comment.length() + " characters");
    Map<Outcome, Integer> listed = new EnumMap<>(Outcome.class);
    Outcome section = null;
    for (String line : comment.split("\n")) {
      if (line.startsWith("#### Failed")) {
        section = Outcome.FAIL;
      } else if (line.startsWith("<details><summary>Passed")) {
        section = Outcome.PASS;
      } else if (section != null && line.startsWith("| ") && !line.startsWith("| severity |") && !line.startsWith("| rule |")) {
        listed.merge(section, 1, Integer::sum);
      }
    }
    Summary s = check.summary();
    assertEquals(0, s.unknown() + s.waived(), "the 10k plan has FAILs and PASSes only");
    int failedLeft = s.failed() - listed.getOrDefault(Outcome.FAIL, 0);
    int passedLeft = s.passed() - listed.getOrDefault(Outcome.PASS, 0);
    assertTrue(failedLeft > 0 && listed.get(Outcome.FAIL) > 100, failedLeft + " of " + s.failed() + " FAILs not listed");
    assertTrue(comment.endsWith("""

        > [!NOTE]
        > Cut here to stay under GitHub's 65,536-character comment limit; not listed: %d failed, %d passed. \
        Every result is in the JSON, SARIF and HTML reports (`--output json=tfcheck.json`).
        """.formatted(failedLeft, passedLeft)), comment.substring(comment.length() - 400));
  }
}
