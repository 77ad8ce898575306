package dev.tfcheck.report;

import dev.tfcheck.finding.CheckResult;
import dev.tfcheck.finding.Outcome;
import dev.tfcheck.finding.Result;
import dev.tfcheck.policy.Rule;
import dev.tfcheck.policy.RuleCatalog;
import java.util.ArrayList;
import java.util.List;

/**
 * The human report: one block per FAIL, UNKNOWN or WAIVED result, most urgent first, then the count
 * line. Passes are counted, not listed (the JSON and HTML reports carry them as evidence). A FAIL the
 * {@code --baseline} report already had says so after its address.
 */
public final class TextReport implements Report {
  @Override
  public String render(Run run) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < run.checks().size(); i++) {
      if (i > 0) {
        out.append('\n');
      }
      write(run.checks().get(i), run.catalog(), run.checks().size() > 1, out);
    }
    return out.toString();
  }

  private static void write(CheckResult check, RuleCatalog catalog, boolean withHeader, StringBuilder out) {
    if (withHeader) {
      out.append("== ").append(check.plan().source()).append('\n');
    }
    List<Result> shown = new ArrayList<>();
    for (Result r : check.results()) {
      if (r.outcome() != Outcome.PASS) {
        shown.add(r);
      }
    }
    shown.sort(Result.BY_URGENCY);
    for (Result r : shown) {
      out.append(r.outcome()).append(' ').append(r.ruleId()).append(" [").append(r.severity()).append("] ")
          .append(r.address()).append(r.baseline() ? " (in the baseline)" : "").append('\n');
      catalog.byId(r.ruleId()).map(Rule::title).ifPresent(t -> out.append("  ").append(t).append('\n'));
      if (!r.message().isEmpty()) {
        out.append("  ").append(r.message()).append('\n');
      }
      catalog.byId(r.ruleId()).map(Rule::docsPath).ifPresent(d -> out.append("  ").append(d).append('\n'));
      out.append('\n');
    }
    out.append(check.summary().line()).append('\n');
  }
}
