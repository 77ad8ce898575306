package dev.tfcheck.report;

import dev.tfcheck.Version;
import dev.tfcheck.finding.CheckResult;
import dev.tfcheck.finding.Result;
import dev.tfcheck.finding.Severity;
import dev.tfcheck.finding.Summary;
import dev.tfcheck.finding.WaiverUse;
import dev.tfcheck.plan.Plan;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One plan's part of the HTML report: the evidence of what was checked, the summary by severity and
 * by control, the waivers, and the results table (filled by the report's script from the plan's
 * data block). Everything but the results table reads without a script, and prints.
 */
final class HtmlPlanSection {
  private HtmlPlanSection() {}

  /** {@code n} numbers the plans of a run from 1; element IDs carry it so that several plans coexist. */
  static void write(CheckResult check, Run run, int n, StringBuilder out) {
    String id = "plan-" + n;
    Plan plan = check.plan();
    out.append("<section class=\"plan\" id=\"").append(id).append("\" aria-labelledby=\"").append(id)
        .append("-title\">\n<h2 id=\"").append(id).append("-title\"><span class=\"label\">Plan</span> ")
        .append(Html.escape(plan.source())).append("</h2>\n");
    verdict(check.summary(), out);
    out.append("<div class=\"overview\">\n<div>\n<h3>Evidence</h3>\n");
    evidence(check, out);
    out.append("</div>\n<div>\n<h3>Summary by severity</h3>\n");
    bySeverity(check.results(), out);
    out.append("</div>\n</div>\n");
    out.append("<h3>Controls</h3>\n<p class=\"note\">Each requirement or control that a rule's METADATA maps to, "
        + "with the results of those rules on this plan.</p>\n");
    HtmlControls.write(HtmlControls.of(run.catalog(), check.results()), out);
    out.append("<h3>Waivers</h3>\n");
    waivers(check.waivers(), out);
    results(id, check, run, out);
    out.append("</section>\n");
  }

  private static void verdict(Summary s, StringBuilder out) {
    out.append("<p class=\"verdict\"><span class=\"badge FAIL\">").append(s.failed()).append(" failed")
        .append(s.baseline() > 0 ? " (" + s.baseline() + " in the baseline)" : "").append("</span> ")
        .append("<span class=\"badge UNKNOWN\">").append(s.unknown()).append(" unknown</span> ")
        .append("<span class=\"badge WAIVED\">").append(s.waived()).append(" waived</span> ")
        .append("<span class=\"badge PASS\">").append(s.passed()).append(" passed</span> ")
        .append("<span class=\"scope\">").append(s.resources()).append(s.resources() == 1 ? " resource, " : " resources, ")
        .append(s.rules()).append(s.rules() == 1 ? " rule" : " rules").append("</span></p>\n");
  }

  private static void evidence(CheckResult check, StringBuilder out) {
    Plan plan = check.plan();
    out.append("<table class=\"evidence\">\n<tbody>\n");
    evidenceRow("Plan", "<code>" + Html.escape(plan.source()) + "</code>", out);
    evidenceRow("Plan SHA-256", "<code>" + Html.escape(plan.sha256()) + "</code>", out);
    evidenceRow("Terraform version", plan.terraformVersion() == null ? "not given in the plan"
        : Html.escape(plan.terraformVersion()), out);
    evidenceRow("Plan format version", Html.escape(plan.formatVersion()), out);
    for (CheckResult.Policy p : check.policies()) {
      evidenceRow("Policy bundle", Html.escape(p.name()) + "<br><code>" + Html.escape(p.sha256()) + "</code>", out);
    }
    evidenceRow("tfcheck version", Html.escape(Version.get()), out);
    for (String warning : plan.warnings()) {
      evidenceRow("Plan warning", Html.escape(warning), out);
    }
    out.append("</tbody>\n</table>\n");
  }

  private static void evidenceRow(String name, String html, StringBuilder out) {
    out.append("<tr><th scope=\"row\">").append(name).append("</th><td>").append(html).append("</td></tr>\n");
  }

  /** Every severity down to LOW, INFO only when a rule reported it, and the totals. */
  private static void bySeverity(List<Result> results, StringBuilder out) {
    Map<Severity, List<Result>> bySeverity = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      if (s != Severity.INFO) {
        bySeverity.put(s, new ArrayList<>());
      }
    }
    results.forEach(r -> bySeverity.computeIfAbsent(r.severity(), k -> new ArrayList<>()).add(r));
    out.append("<table class=\"counts\">\n<thead><tr><th>Severity</th>");
    countHeaders(out);
    out.append("<th class=\"n\">Total</th></tr></thead>\n<tbody>\n");
    bySeverity.forEach((severity, list) -> {
      out.append("<tr><th scope=\"row\" class=\"sev ").append(severity).append("\">").append(severity).append("</th>");
      countCells(Summary.of(list, 0, 0), out);
      out.append("<td class=\"n\">").append(list.size()).append("</td></tr>\n");
    });
    out.append("<tr class=\"total\"><th scope=\"row\">All</th>");
    countCells(Summary.of(results, 0, 0), out);
    out.append("<td class=\"n\">").append(results.size()).append("</td></tr>\n</tbody>\n</table>\n");
  }

  /** The outcome columns of a count table, in the order of {@link #countCells}. */
  static void countHeaders(StringBuilder out) {
    out.append("<th class=\"n\">Failed</th><th class=\"n\">Unknown</th><th class=\"n\">Waived</th>"
        + "<th class=\"n\">Passed</th>");
  }

  /** Counts, a zero dimmed so that the findings stand out. */
  static void countCells(Summary s, StringBuilder out) {
    countCell(s.failed(), "FAIL", out);
    countCell(s.unknown(), "UNKNOWN", out);
    countCell(s.waived(), "WAIVED", out);
    countCell(s.passed(), "PASS", out);
  }

  private static void countCell(int count, String outcome, StringBuilder out) {
    out.append("<td class=\"n").append(count == 0 ? " zero" : " " + outcome).append("\">").append(count).append("</td>");
  }

  private static void waivers(List<WaiverUse> uses, StringBuilder out) {
    if (uses.isEmpty()) {
      out.append("<p>No waivers are configured.</p>\n");
      return;
    }
    out.append("<table class=\"waivers\">\n<thead><tr><th>Rule</th><th>Addresses (glob)</th><th>Owner</th>"
        + "<th>Reason</th><th>Expires</th><th>Status</th><th>Results waived</th></tr></thead>\n<tbody>\n");
    for (WaiverUse use : uses) {
      String status = use.status().name().toLowerCase(Locale.ROOT);
      out.append("<tr><td><code>").append(Html.escape(use.waiver().rule())).append("</code></td><td><code>")
          .append(Html.escape(use.waiver().address())).append("</code></td><td>")
          .append(Html.escape(use.waiver().owner())).append("</td><td>")
          .append(Html.escape(use.waiver().reason())).append("</td><td>")
          .append(use.waiver().expires()).append("</td><td class=\"status ").append(status).append("\">")
          .append(status).append("</td><td>");
      if (use.waived().isEmpty()) {
        out.append("none");
      } else {
        out.append(use.waived().size()).append(":");
        for (String address : use.waived()) {
          out.append("<br><code>").append(Html.escape(address)).append("</code>");
        }
      }
      out.append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n");
  }

  /** The filters, the empty table the script fills, and the data it fills it from. */
  private static void results(String id, CheckResult check, Run run, StringBuilder out) {
    out.append("<h3>Results</h3>\n")
        .append("<form class=\"filters\" role=\"search\" aria-label=\"Filter the results\">\n")
        .append(filter(id, "outcome", "Outcome"))
        .append(filter(id, "severity", "Severity"))
        .append(filter(id, "rule", "Rule"))
        .append("<div class=\"field\"><label for=\"").append(id).append("-address\">Address contains</label>")
        .append("<input type=\"search\" id=\"").append(id).append("-address\" name=\"address\" autocomplete=\"off\" ")
        .append("spellcheck=\"false\" placeholder=\"e.g. aws_rds_cluster\"></div>\n")
        .append("<button type=\"reset\">Clear filters</button>\n</form>\n")
        .append("<p class=\"shown\" aria-live=\"polite\"></p>\n")
        .append("<table class=\"results\">\n<thead><tr><th>Outcome</th><th>Severity</th><th>Rule</th>"
            + "<th>Address</th><th>Why</th></tr></thead>\n<tbody></tbody>\n</table>\n")
        .append("<nav class=\"pager\" aria-label=\"Pages of results\"><button type=\"button\" class=\"prev\">"
            + "Previous</button> <span class=\"page\"></span> <button type=\"button\" class=\"next\">Next</button></nav>\n")
        .append("<noscript><p>The results table needs JavaScript. The summary, controls and waivers above are "
            + "complete without it; <code>tfcheck --format json</code> lists every result.</p></noscript>\n")
        .append("<script type=\"application/json\" class=\"results-data\">")
        .append(HtmlResultsData.of(check.results(), run.catalog(), run.sources()))
        .append("</script>\n");
  }

  private static String filter(String id, String name, String label) {
    return "<div class=\"field\"><label for=\"" + id + "-" + name + "\">" + label + "</label><select id=\"" + id + "-" + name
        + "\" name=\"" + name + "\"><option value=\"\">All</option></select></div>\n";
  }
}
