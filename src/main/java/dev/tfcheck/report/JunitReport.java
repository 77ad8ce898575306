package dev.tfcheck.report;

import dev.tfcheck.Version;
import dev.tfcheck.finding.CheckResult;
import dev.tfcheck.finding.Outcome;
import dev.tfcheck.finding.Result;
import dev.tfcheck.policy.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * JUnit XML, the format CI servers show as test results: a {@code <testsuite>} per plan, a
 * {@code <testcase classname="RULE-ID" name="ADDRESS">} per result. FAIL is a {@code <failure>}
 * whose {@code type} is the severity; UNKNOWN and WAIVED are {@code <skipped>} with the reason; PASS
 * is a test case that passed. Times are 0 and there is no timestamp: the report is the same bytes
 * for the same inputs. Each suite's properties carry the plan's SHA-256, the tool version and the
 * policy bundles' hashes, so a stored report says what was checked with what.
 */
public final class JunitReport implements Report {
  @Override
  public String render(Run run) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    int[] total = new int[3];
    List<int[]> counts = new ArrayList<>();
    for (CheckResult check : run.checks()) {
      int[] c = counts(check);
      counts.add(c);
      for (int i = 0; i < 3; i++) {
        total[i] += c[i];
      }
    }
    xml.append("<testsuites name=\"tfcheck\"").append(counts(total)).append(">\n");
    for (int i = 0; i < run.checks().size(); i++) {
      suite(run.checks().get(i), counts.get(i), run, xml);
    }
    return xml.append("</testsuites>\n").toString();
  }

  private static void suite(CheckResult check, int[] counts, Run run, StringBuilder xml) {
    xml.append("  <testsuite name=\"").append(attribute(check.plan().source())).append('"').append(counts(counts))
        .append(">\n");
    xml.append("    <properties>\n");
    property("plan.sha256", check.plan().sha256(), xml);
    if (check.plan().terraformVersion() != null) {
      property("plan.terraform_version", check.plan().terraformVersion(), xml);
    }
    property("tfcheck.version", Version.get(), xml);
    for (CheckResult.Policy p : check.policies()) {
      property("policy.sha256:" + p.name(), p.sha256(), xml);
    }
    xml.append("    </properties>\n");
    List<Result> sorted = new ArrayList<>(check.results());
    sorted.sort(Result.BY_RULE);
    for (Result r : sorted) {
      xml.append("    <testcase classname=\"").append(attribute(r.ruleId())).append("\" name=\"")
          .append(attribute(r.address())).append("\" time=\"0\"");
      switch (r.outcome()) {
        case PASS -> xml.append("/>\n");
        case FAIL -> xml.append(">\n      <failure message=\"").append(attribute(r.message())).append("\" type=\"")
            .append(r.severity()).append("\">").append(text(detail(r, run))).append("</failure>\n    </testcase>\n");
        case UNKNOWN, WAIVED -> xml.append(">\n      <skipped message=\"").append(attribute(r.outcome() + ": " + r.message()))
            .append("\"/>\n    </testcase>\n");
      }
    }
    xml.append("  </testsuite>\n");
  }

  /** What a CI server shows under a failure: the rule's title and severity, the attribute, where to read more. */
  private static String detail(Result r, Run run) {
    Optional<Rule> rule = run.catalog().byId(r.ruleId());
    StringBuilder s = new StringBuilder();
    s.append(r.ruleId()).append(" [").append(r.severity()).append("] ").append(rule.map(Rule::title).orElse("")).append('\n');
    s.append(r.message()).append('\n');
    if (!r.path().isEmpty()) {
      s.append("attribute: ").append(r.path()).append('\n');
    }
    run.sources().locate(r.address()).ifPresent(at -> s.append("declared at: ").append(at).append('\n'));
    rule.ifPresent(x -> s.append(x.docsPath()).append('\n'));
    return s.toString();
  }

  /** Tests, failures, skipped. */
  private static int[] counts(CheckResult check) {
    int[] c = new int[3];
    c[0] = check.results().size();
    for (Result r : check.results()) {
      if (r.outcome() == Outcome.FAIL) {
        c[1]++;
      } else if (r.outcome() == Outcome.UNKNOWN || r.outcome() == Outcome.WAIVED) {
        c[2]++;
      }
    }
    return c;
  }

  private static String counts(int[] c) {
    return " tests=\"" + c[0] + "\" failures=\"" + c[1] + "\" errors=\"0\" skipped=\"" + c[2] + "\" time=\"0\"";
  }

  private static void property(String name, String value, StringBuilder xml) {
    xml.append("      <property name=\"").append(attribute(name)).append("\" value=\"").append(attribute(value))
        .append("\"/>\n");
  }

  /** Text for an attribute value: whitespace other than spaces kept as character references, or parsers fold it. */
  static String attribute(String s) {
    return escape(s, true);
  }

  static String text(String s) {
    return escape(s, false);
  }

  /** Escapes markup and drops what XML 1.0 cannot hold at all (most control characters, lone surrogates). */
  private static String escape(String s, boolean attribute) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append(attribute ? "&quot;" : "\"");
        case '\n' -> out.append(attribute ? "&#10;" : "\n");
        case '\r' -> out.append("&#13;");
        case '\t' -> out.append(attribute ? "&#9;" : "\t");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(++i));
          } else if (c >= 0x20 && !Character.isSurrogate(c) && c != 0xFFFE && c != 0xFFFF) {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
