package dev.tfcheck.report;

import dev.tfcheck.finding.CheckResult;
import dev.tfcheck.finding.Outcome;
import dev.tfcheck.finding.Result;
import dev.tfcheck.policy.Rule;
import dev.tfcheck.policy.RuleCatalog;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The human report: one block per FAIL, UNKNOWN or WAIVED result, most urgent first, then the count
 * line. Passes are counted, not listed (the JSON and HTML reports carry them as evidence).
 */
public final class TextReport {
  private TextReport() {}

  public static void write(CheckResult check, RuleCatalog catalog, boolean withHeader, PrintStream out) {
    if (withHeader) {
      out.println("== " + check.plan().source());
    }
    List<Result> shown = new ArrayList<>();
    for (Result r : check.results()) {
      if (r.outcome() != Outcome.PASS) {
        shown.add(r);
      }
    }
    shown.sort(Result.BY_URGENCY);
    for (Result r : shown) {
      out.println(r.outcome() + " " + r.ruleId() + " [" + r.severity() + "] " + r.address());
      catalog.byId(r.ruleId()).map(Rule::title).ifPresent(t -> out.println("  " + t));
      if (!r.message().isEmpty()) {
        out.println("  " + r.message());
      }
      catalog.byId(r.ruleId()).map(Rule::docsPath).ifPresent(d -> out.println("  " + d));
      out.println();
    }
    out.println(check.summary().line());
  }
}
