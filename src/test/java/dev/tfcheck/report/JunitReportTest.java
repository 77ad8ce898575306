package dev.tfcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tfcheck.finding.CheckResult;
import dev.tfcheck.finding.Outcome;
import dev.tfcheck.finding.Result;
import dev.tfcheck.finding.Severity;
import dev.tfcheck.finding.Summary;
import dev.tfcheck.plan.Json;
import dev.tfcheck.plan.Plan;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The JUnit report, read back by a real consumer: the parser that Maven's surefire-report plugin
 * reads test results with (it groups test cases by classname, here the rule), and the JDK's XML
 * parser for the suites and their properties.
 */
class JunitReportTest {
  static List<ReportCases.Case> cases() {
    return ReportCases.ALL;
  }

  @ParameterizedTest
  @MethodSource("cases")
  void surefiresParserReadsEveryResult(ReportCases.Case c) throws Exception {
    Run run = ReportCases.run(c);
    List<String> expected = new ArrayList<>();
    for (Result r : run.checks().get(0).results()) {
      expected.add(r.ruleId() + " " + r.address() + " " + switch (r.outcome()) {
        case FAIL -> "failure " + r.severity() + " " + r.message();
        case UNKNOWN, WAIVED -> "skipped " + r.outcome() + ": " + r.message();
        case PASS -> "passed";
      });
    }
    List<String> read = new ArrayList<>();
    int failures = 0;
    int skipped = 0;
    for (ReportTestSuite suite : surefire(ReportFormat.JUNIT.report().render(run))) {
      failures += suite.getNumberOfFailures();
      skipped += suite.getNumberOfSkipped();
      for (ReportTestCase t : suite.getTestCases()) {
        read.add(t.getFullClassName() + " " + t.getName() + " " + (t.hasFailure()
            ? "failure " + t.getFailureType() + " " + t.getFailureMessage()
            : t.hasSkipped() ? "skipped " + t.getFailureMessage() : "passed"));
      }
    }
    expected.sort(null);
    read.sort(null);
    assertEquals(expected, read);
    Summary s = run.checks().get(0).summary();
    assertEquals(s.failed() + " " + (s.unknown() + s.waived()), failures + " " + skipped);
  }

  @Test
  void oneSuitePerPlanWithTheEvidenceOfWhatWasChecked() throws Exception {
    CheckResult wagtail = ReportCases.check(ReportCases.WAGTAIL);
    CheckResult insecure = ReportCases.check(ReportCases.INSECURE);
    Document xml = dom(ReportFormat.JUNIT.report().render(new Run(List.of(wagtail, insecure), ReportCases.catalog())));
    Element root = xml.getDocumentElement();
    assertEquals("testsuites", root.getTagName());
    int results = wagtail.results().size() + insecure.results().size();
    assertEquals(results + " " + insecure.summary().failed(), root.getAttribute("tests") + " " + root.getAttribute("failures"));
    NodeList suites = root.getElementsByTagName("testsuite");
    assertEquals(2, suites.getLength());
    List<String> read = new ArrayList<>();
    for (int i = 0; i < suites.getLength(); i++) {
      Element suite = (Element) suites.item(i);
      StringBuilder line = new StringBuilder(suite.getAttribute("name") + " tests=" + suite.getAttribute("tests")
          + " failures=" + suite.getAttribute("failures") + " skipped=" + suite.getAttribute("skipped"));
      NodeList properties = suite.getElementsByTagName("property");
      for (int j = 0; j < properties.getLength(); j++) {
        Element p = (Element) properties.item(j);
        line.append(' ').append(p.getAttribute("name")).append('=').append(p.getAttribute("value"));
      }
      read.add(line.toString());
    }
    String tool = " tfcheck.version=" + dev.tfcheck.Version.get() + " policy.sha256:built-in policies=" + ReportCases.POLICY_HASH;
    assertEquals(List.of(
        "fixtures/reference/wagtail.plan.json tests=" + wagtail.results().size() + " failures=0 skipped=0 plan.sha256="
            + wagtail.plan().sha256() + " plan.terraform_version=1.11.4" + tool,
        "fixtures/reference/insecure.plan.json tests=" + insecure.results().size() + " failures=17 skipped=4 plan.sha256="
            + insecure.plan().sha256() + " plan.terraform_version=1.11.4" + tool), read);
  }

  @Test
  void anyTextSurvivesTheRoundTrip() throws Exception {
    String address = "aws_s3_bucket.b[\"a\\\"b <c> & 'd'\"]";
    String message = "line \"one\" <b>&amp;</b>\nline two\ttabbed \u0001control \uD83D\uDD12";
    Result r = new Result("TFC-S3-001", Severity.HIGH, address, Outcome.FAIL, "", message);
    ObjectNode root = Json.nodes().objectNode();
    CheckResult check = new CheckResult(new Plan("plans/a & b.json", "0".repeat(64), root, "1.2", null, List.of()),
        List.of(), List.of(r), Summary.of(List.of(r), 1, 1), List.of());
    Element testcase = (Element) dom(ReportFormat.JUNIT.report().render(new Run(List.of(check), ReportCases.catalog())))
        .getElementsByTagName("testcase").item(0);
    assertEquals(address, testcase.getAttribute("name"));
    Element failure = (Element) testcase.getElementsByTagName("failure").item(0);
    assertEquals(message.replace("\u0001", ""), failure.getAttribute("message"));
    assertEquals("TFC-S3-001 [HIGH] S3 buckets block public access\n" + message.replace("\u0001", "")
        + "\ndocs/rules/TFC-S3-001.md\n", failure.getTextContent());
  }

  private static List<ReportTestSuite> surefire(String xml) throws Exception {
    return new TestSuiteXmlParser(new NullConsoleLogger()).parse(
        new InputStreamReader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
  }

  private static Document dom(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}
