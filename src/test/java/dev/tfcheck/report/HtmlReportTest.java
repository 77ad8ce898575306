package dev.tfcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tfcheck.Fixtures;
import dev.tfcheck.finding.CheckResult;
import dev.tfcheck.finding.Outcome;
import dev.tfcheck.finding.Result;
import dev.tfcheck.finding.Severity;
import dev.tfcheck.finding.Summary;
import dev.tfcheck.finding.Waiver;
import dev.tfcheck.finding.WaiverUse;
import dev.tfcheck.plan.Json;
import dev.tfcheck.plan.Plan;
import dev.tfcheck.policy.BuiltinPolicies;
import dev.tfcheck.policy.Checker;
import dev.tfcheck.policy.RuleCatalog;
import dev.tfcheck.policy.UnknownMode;
import dev.tfcheck.source.SourceMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTML report: golden files of real plans compared byte for byte (the built-in bundle's hash
 * aside, as in {@link GoldenReportTest}), and what the goldens cannot show on their own: hostile
 * text stays text, the data block carries every result, controls and waivers are counted right,
 * several plans get a section each, secrets stay out. How it behaves in a browser is
 * scripts/test-html-report.sh's job. After an intended change:
 * {@code mvn test -Dtest=HtmlReportTest -Dgolden.update=true}, then review the golden diff.
 */
class HtmlReportTest {
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  private static final String HOSTILE = "</script><img src=x onerror=\"alert('x')\"><!--&amp;";
  private static final Pattern DATA =
      Pattern.compile("<script type=\"application/json\" class=\"results-data\">(.*?)</script>", Pattern.DOTALL);
  private static Checker checker;

  @BeforeAll
  static void load() {
    checker = Checker.builtIn(UnknownMode.WARN);
  }

  /** Each reference plan with the Terraform it was planned from (--source-dir), run from the repository. */
  @ParameterizedTest
  @ValueSource(strings = {"wagtail", "insecure"})
  void reportMatchesTheGoldenFile(String name) throws Exception {
    SourceMap sources = SourceMap.scan(Path.of("reference-terraform/examples/" + name), Fixtures.repo());
    Run run = new Run(List.of(check("fixtures/reference/" + name + ".plan.json")), BuiltinPolicies.catalog(), sources);
    String actual = new HtmlReport().render(run).replace(Fixtures.repo() + "/", "");
    Path golden = Fixtures.path("src/test/resources/golden/" + name + ".report.html");
    if (UPDATE) {
      Files.writeString(golden, actual);
    }
    assertTrue(Files.exists(golden), "no golden file " + golden + ": run with -Dgolden.update=true and review it");
    assertEquals(withoutPolicyHash(Files.readString(golden)), withoutPolicyHash(actual));
  }

  @Test
  void theDataBlockCarriesEveryResultExactly() throws Exception {
    CheckResult check = check("fixtures/reference/insecure.plan.json");
    List<String> decoded = new ArrayList<>();
    for (JsonNode data : dataBlocks(render(check))) {
      for (JsonNode r : data.get("results")) {
        decoded.add(data.get("rules").get(r.get(0).asInt()).get(0).asText() + " "
            + data.get("severities").get(r.get(3).asInt()).asText() + " "
            + data.get("addresses").get(r.get(1).asInt()).asText() + " "
            + data.get("outcomes").get(r.get(2).asInt()).asText() + " " + r.get(4).asText() + " " + r.get(5).asText());
      }
    }
    List<Result> expected = new ArrayList<>(check.results());
    expected.sort(Result.BY_URGENCY);
    assertEquals(expected.stream().map(r -> r.ruleId() + " " + r.severity() + " " + r.address() + " " + r.outcome()
        + " " + r.path() + " " + r.message()).toList(), decoded);
  }

  @Test
  void resourcesPointAtTheirTerraformAndBaselineFailuresAreMarked() throws Exception {
    CheckResult check = check("fixtures/reference/insecure.plan.json");
    List<Result> marked = check.results().stream()
        .map(r -> r.ruleId().equals("TFC-RDS-005") && r.outcome() == Outcome.FAIL ? r.inBaseline() : r).toList();
    SourceMap sources = SourceMap.scan(Path.of("reference-terraform/examples/insecure"), Fixtures.repo());
    String html = new HtmlReport().render(new Run(List.of(result(check.plan(), marked, List.of())),
        BuiltinPolicies.catalog(), sources));

    JsonNode data = dataBlocks(html).get(0);
    Map<String, String> located = new java.util.TreeMap<>();
    for (int i = 0; i < data.get("addresses").size(); i++) {
      located.put(data.get("addresses").get(i).asText(), data.get("locations").get(i).asText());
    }
    String dir = "reference-terraform/examples/insecure/";
    assertEquals(dir + "main.tf:98", located.get("aws_ecr_repository.wagtail"));
    assertEquals(dir + "modules/rds-aurora-v2/main.tf:23",
        located.get("module.wagtail_rds_instance.aws_rds_cluster.this[0]"));
    assertEquals("", located.get("(plan)"), "a plan-level result is declared nowhere");
    located.forEach((address, at) -> assertEquals(sources.locate(address).map(Object::toString).orElse(""), at, address));
    List<String> baseline = new ArrayList<>();
    data.get("results").forEach(r -> {
      if (r.size() == 7) {
        baseline.add(data.get("rules").get(r.get(0).asInt()).get(0).asText() + " " + r.get(6).asInt());
      }
    });
    assertEquals(List.of("TFC-RDS-005 1"), baseline);
    assertTrue(html.contains("<span class=\"badge FAIL\">" + check.summary().failed() + " failed (1 in the baseline)</span>"));
  }

  @Test
  void hostileTextIsEscapedInTheMarkupAndRoundTripsThroughTheData() throws Exception {
    RuleCatalog catalog = catalog(rule("x.hostile", "TFC-X-001", HOSTILE, "    fsbp: [\"" + HOSTILE.replace("\"", "\\\"") + "\"]"));
    String address = "aws_s3_bucket.logs[\"" + HOSTILE + "\"]";
    Result result = new Result("TFC-X-001", Severity.HIGH, address, Outcome.FAIL, HOSTILE, HOSTILE);
    Waiver waiver = new Waiver("TFC-X-001", HOSTILE, HOSTILE, HOSTILE, LocalDate.of(2030, 1, 31));
    CheckResult check = result(plan(HOSTILE), List.of(result), List.of(new WaiverUse(waiver, WaiverUse.Status.UNUSED,
        List.of())));

    String html = new HtmlReport().render(new Run(List.of(check), catalog));

    assertFalse(html.contains("<img"), "markup from a plan reached the page");
    assertFalse(html.contains("<!--"), "a comment opener from a plan reached the page");
    assertEquals(2, html.split("</script>", -1).length - 1, "only the data block and the script end a script");
    String escaped = "&lt;/script&gt;&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&lt;!--&amp;amp;";
    assertTrue(html.contains("<h2 id=\"plan-1-title\"><span class=\"label\">Plan</span> " + escaped + "</h2>"), html);
    assertTrue(html.contains("<tr><td>" + escaped + "</td><td><code>TFC-X-001</code> " + escaped + "</td>"),
        "the control and the rule title, escaped");
    JsonNode data = dataBlocks(html).get(0);
    assertEquals(List.of(address), texts(data.get("addresses")));
    assertEquals(List.of("TFC-X-001", HOSTILE, "docs/rules/TFC-X-001.md", ""), texts(data.get("rules").get(0)));
    assertEquals(List.of(HOSTILE, HOSTILE), texts(data.get("results").get(0)).subList(4, 6));
  }

  @Test
  void waiversAreListedWithOwnerReasonExpiryStatusAndWhatTheyWaived() {
    Waiver applied = new Waiver("TFC-RDS-005", "module.db.*", "one instance until the migration", "dba-team",
        LocalDate.of(2026, 3, 31));
    Waiver expired = new Waiver("TFC-ECR-001", "aws_ecr_repository.legacy", "legacy pipeline", "platform",
        LocalDate.of(2024, 12, 1));
    CheckResult check = result(plan("plan.json"), List.of(), List.of(
        new WaiverUse(applied, WaiverUse.Status.APPLIED, List.of("module.db.aws_rds_cluster.this", "module.db.x")),
        new WaiverUse(expired, WaiverUse.Status.EXPIRED, List.of())));

    String html = new HtmlReport().render(new Run(List.of(check), catalog()));

    assertEquals("""
        <table class="waivers">
        <thead><tr><th>Rule</th><th>Addresses (glob)</th><th>Owner</th><th>Reason</th><th>Expires</th>\
        <th>Status</th><th>Results waived</th></tr></thead>
        <tbody>
        <tr><td><code>TFC-RDS-005</code></td><td><code>module.db.*</code></td><td>dba-team</td>\
        <td>one instance until the migration</td><td>2026-03-31</td><td class="status applied">applied</td>\
        <td>2:<br><code>module.db.aws_rds_cluster.this</code><br><code>module.db.x</code></td></tr>
        <tr><td><code>TFC-ECR-001</code></td><td><code>aws_ecr_repository.legacy</code></td><td>platform</td>\
        <td>legacy pipeline</td><td>2024-12-01</td><td class="status expired">expired</td><td>none</td></tr>
        </tbody>
        </table>
        """, between(html, "<table class=\"waivers\">", "</table>\n"));
    assertTrue(new HtmlReport().render(new Run(List.of(result(plan("plan.json"), List.of(), List.of())), catalog()))
        .contains("<h3>Waivers</h3>\n<p>No waivers are configured.</p>\n"));
  }

  @Test
  void controlsGroupRulesByFrameworkAndCountTheirResults() {
    RuleCatalog catalog = catalog(
        rule("x.one", "TFC-X-001", "One", "    fsbp: [ELB.17, ELB.4]\n    spike: [\"requirement a\"]"),
        rule("x.two", "TFC-X-002", "Two", "    fsbp: [ELB.4]\n    acme: [A-1]"),
        rule("x.three", "TFC-X-003", "Three", "    cis: [\"1.16\"]"));
    List<Result> results = List.of(
        new Result("TFC-X-001", Severity.HIGH, "a", Outcome.FAIL, "", "why"),
        new Result("TFC-X-001", Severity.HIGH, "b", Outcome.PASS, "", ""),
        new Result("TFC-X-002", Severity.LOW, "a", Outcome.PASS, "", ""),
        new Result("TFC-X-002", Severity.LOW, "b", Outcome.UNKNOWN, "", "later"));

    List<String> rows = new ArrayList<>();
    HtmlControls.of(catalog, results).forEach((framework, controls) -> controls.forEach(c -> rows.add(framework
        + " " + c.id() + " " + c.rules().stream().map(r -> r.id()).toList() + " " + c.counts() + " " + c.status())));

    assertEquals(List.of(
        "spike requirement a [TFC-X-001] " + new Summary(1, 0, 1, 0, 0, 1) + " failing",
        "cis 1.16 [TFC-X-003] " + new Summary(0, 0, 0, 0, 0, 1) + " not evaluated",
        "fsbp ELB.4 [TFC-X-001, TFC-X-002] " + new Summary(1, 1, 2, 0, 0, 2) + " failing",
        "fsbp ELB.17 [TFC-X-001] " + new Summary(1, 0, 1, 0, 0, 1) + " failing",
        "acme A-1 [TFC-X-002] " + new Summary(0, 1, 1, 0, 0, 1) + " unknown"), rows);
  }

  @Test
  void controlIdsSortAsPeopleReadThem() {
    List<String> ids = new ArrayList<>(List.of("ELB.17", "CKV_AWS_2", "ELB.4", "3.6", "CKV2_AWS_20", "1.16",
        "CKV_AWS_103", "ELB.1", "1.4"));
    ids.sort(HtmlControls.NATURAL);
    assertEquals(List.of("1.4", "1.16", "3.6", "CKV2_AWS_20", "CKV_AWS_2", "CKV_AWS_103", "ELB.1", "ELB.4", "ELB.17"),
        ids);
  }

  @Test
  void severalPlansGetASectionEachInTheOrderGiven() throws Exception {
    CheckResult wagtail = check("fixtures/reference/wagtail.plan.json");
    CheckResult insecure = check("fixtures/reference/insecure.plan.json");

    String html = render(wagtail, insecure);

    List<String> headings = new ArrayList<>();
    Matcher m = Pattern.compile("<h2 id=\"(plan-\\d)-title\"><span class=\"label\">Plan</span> ([^<]*)</h2>").matcher(html);
    while (m.find()) {
      headings.add(m.group(1) + " " + m.group(2));
    }
    assertEquals(List.of("plan-1 " + wagtail.plan().source(), "plan-2 " + insecure.plan().source()), headings);
    assertEquals(List.of(wagtail.results().size(), insecure.results().size()),
        dataBlocks(html).stream().map(d -> d.get("results").size()).toList());
    assertTrue(html.contains("<li><a href=\"#plan-2\">" + insecure.plan().source() + "</a>: "
        + insecure.summary().line() + "</li>"), "the contents link each plan with its summary");
    assertTrue(html.contains("<title>tfcheck: 2 plans</title>"));
  }

  @Test
  void aSensitiveValueNeverReachesTheReport() {
    String html = render(check("fixtures/model/modules.plan.json"));
    assertFalse(html.contains("canary-7f3a9c"), "the sensitive variable's value reached the HTML report");
  }

  @Test
  void theFormatIsChosenByName() {
    assertEquals(ReportFormat.HTML, ReportFormat.of("HTML"));
    assertTrue(ReportFormat.of("html").report() instanceof HtmlReport);
  }

  private static CheckResult check(String plan) {
    return checker.check(Fixtures.model(plan));
  }

  private static String render(CheckResult... checks) {
    return new HtmlReport().render(new Run(List.of(checks), BuiltinPolicies.catalog()));
  }

  private static String withoutPolicyHash(String html) {
    return html.replaceFirst("(built-in policies<br><code>)[0-9a-f]{64}", "$1");
  }

  private static List<JsonNode> dataBlocks(String html) throws Exception {
    List<JsonNode> blocks = new ArrayList<>();
    Matcher m = DATA.matcher(html);
    while (m.find()) {
      blocks.add(Json.MAPPER.readTree(m.group(1)));
    }
    return blocks;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static String between(String text, String from, String to) {
    int start = text.indexOf(from);
    assertTrue(start >= 0, "no " + from);
    return text.substring(start, text.indexOf(to, start) + to.length());
  }

  private static Plan plan(String source) {
    return new Plan(source, "0".repeat(64), Json.nodes().objectNode(), "1.2", "1.11.4", List.of());
  }

  private static CheckResult result(Plan plan, List<Result> results, List<WaiverUse> waivers) {
    return new CheckResult(plan, List.of(new CheckResult.Policy("test rules", "1".repeat(64))), results,
        Summary.of(results, 1, 1), waivers);
  }

  /** A Rego source with a rule's package METADATA; {@code controls} is YAML indented under it. */
  private static Map.Entry<String, String> rule(String pkg, String id, String title, String controls) {
    String yaml = "title: '" + title.replace("'", "''") + "'\ncustom:\n  id: " + id
        + "\n  severity: HIGH\n  tier: spike\n  controls:\n" + controls + "\n";
    return Map.entry(pkg.replace('.', '/') + ".rego",
        yaml.lines().map(l -> "# " + l).reduce("# METADATA", (a, b) -> a + "\n" + b) + "\npackage tfcheck.rules." + pkg + "\n");
  }

  @SafeVarargs
  private static RuleCatalog catalog(Map.Entry<String, String>... sources) {
    return RuleCatalog.fromSources(Map.ofEntries(sources));
  }
}
