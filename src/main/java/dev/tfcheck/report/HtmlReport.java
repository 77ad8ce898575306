package dev.tfcheck.report;

import dev.tfcheck.Version;
import dev.tfcheck.finding.CheckResult;

/**
 * The compliance report for an auditor: one self-contained HTML file (inline style and script, no
 * request of any kind, which its Content-Security-Policy enforces), a section per plan with the
 * evidence, the summary by severity and by control, the waivers and every result, PASS included.
 * Plan values are untrusted text: the page escapes them, and the script reads them from a JSON data
 * block and renders them as text, never as markup or code. No timestamp: the same run gives the
 * same bytes.
 */
public final class HtmlReport implements Report {
  private static final String STYLE = Html.asset("HtmlReport.css");
  private static final String SCRIPT = Html.asset("HtmlReport.js");
  /** Nothing but this page's own style and script: no fetch, image, font, frame or form target. */
  private static final String POLICY = "default-src 'none'; style-src " + Html.cspHash(STYLE) + "; script-src "
      + Html.cspHash(SCRIPT) + "; base-uri 'none'; form-action 'none'";

  @Override
  public String render(Run run) {
    StringBuilder out = new StringBuilder(1 << 16);
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(POLICY).append("\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"generator\" content=\"tfcheck ").append(Html.escape(Version.get())).append("\">\n")
        .append("<title>").append(Html.escape(title(run))).append("</title>\n")
        .append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n")
        .append("<header class=\"report-head\">\n<h1>Terraform plan compliance report</h1>\n")
        .append("<p>tfcheck ").append(Html.escape(Version.get())).append(", ").append(run.checks().size())
        .append(run.checks().size() == 1 ? " plan" : " plans").append(". Outcomes: <strong>FAIL</strong> the "
            + "condition is violated; <strong>UNKNOWN</strong> the deciding value is known only after apply; "
            + "<strong>WAIVED</strong> a finding covered by a waiver; <strong>PASS</strong> the condition holds.</p>\n");
    if (run.checks().size() > 1) {
      out.append("<nav class=\"plans\" aria-label=\"Plans\"><ol>\n");
      for (int i = 0; i < run.checks().size(); i++) {
        CheckResult c = run.checks().get(i);
        out.append("<li><a href=\"#plan-").append(i + 1).append("\">").append(Html.escape(c.plan().source()))
            .append("</a>: ").append(c.summary().line()).append("</li>\n");
      }
      out.append("</ol></nav>\n");
    }
    out.append("</header>\n<main>\n");
    for (int i = 0; i < run.checks().size(); i++) {
      HtmlPlanSection.write(run.checks().get(i), run, i + 1, out);
    }
    out.append("</main>\n")
        .append("<dialog class=\"detail\" aria-labelledby=\"detail-title\"></dialog>\n")
        .append("<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
    return out.toString();
  }

  private static String title(Run run) {
    if (run.checks().size() == 1) {
      String source = run.checks().get(0).plan().source();
      return "tfcheck: " + source.substring(source.lastIndexOf('/') + 1);
    }
    return "tfcheck: " + run.checks().size() + " plans";
  }
}
