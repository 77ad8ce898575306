package dev.tfcheck.report;

import dev.tfcheck.finding.CheckResult;
import dev.tfcheck.finding.Outcome;
import dev.tfcheck.finding.Result;
import dev.tfcheck.finding.Severity;
import dev.tfcheck.finding.Summary;
import dev.tfcheck.policy.Rule;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A pull request comment: a headline with the counts, a table by severity, then for each plan its
 * FAILs, UNKNOWNs and WAIVEDs, most severe first, each with its rule (linked to the rule's page), the
 * resource and why, and the passes folded in a {@code <details>}. Rows of one rule follow each other
 * and only the first names it, which groups them and keeps long lists short. GitHub refuses a comment over
 * {@value #LIMIT} characters; on a large plan the list is cut, passes first, and a last line says how
 * many results it leaves out and where to find them all.
 */
public final class MarkdownReport implements Report {
  /** GitHub's limit on a comment's body, in characters. */
  static final int LIMIT = 65_536;
  /** Room kept for the note that says the list was cut, and the tags it closes. */
  private static final int RESERVE = 1_000;
  private static final Map<Outcome, String> PAST =
      Map.of(Outcome.FAIL, "failed", Outcome.UNKNOWN, "unknown", Outcome.WAIVED, "waived", Outcome.PASS, "passed");
  private static final String ESCAPED = "\\|*_`[]~<>&@#!";

  @Override
  public String render(Run run) {
    List<Piece> pieces = new ArrayList<>();
    head(run, pieces);
    for (CheckResult check : run.checks()) {
      plan(check, run, pieces);
    }
    return fit(pieces);
  }

  /** A piece of the comment; a row of a result list says its outcome, so a cut can count what it leaves out. */
  private record Piece(String text, Outcome row) {
    static Piece of(String text) {
      return new Piece(text, null);
    }
  }

  private static void head(Run run, List<Piece> pieces) {
    Map<Severity, Map<Outcome, Integer>> bySeverity = new EnumMap<>(Severity.class);
    Map<Outcome, Integer> total = new EnumMap<>(Outcome.class);
    for (Outcome o : Outcome.values()) {
      total.put(o, 0);
    }
    for (Severity s : Severity.values()) {
      if (s != Severity.INFO) {
        bySeverity.put(s, new EnumMap<>(total));
      }
    }
    for (CheckResult c : run.checks()) {
      for (Result r : c.results()) {
        bySeverity.computeIfAbsent(r.severity(), s -> new EnumMap<>(total)).merge(r.outcome(), 1, Integer::sum);
        total.merge(r.outcome(), 1, Integer::sum);
      }
    }
    String icon = total.get(Outcome.FAIL) > 0 ? "❌" : total.get(Outcome.UNKNOWN) > 0 ? "⚠️" : "✅";
    StringBuilder s = new StringBuilder();
    s.append("## ").append(icon).append(" tfcheck: ").append(total.get(Outcome.FAIL)).append(" failed, ")
        .append(total.get(Outcome.UNKNOWN)).append(" unknown, ").append(total.get(Outcome.PASS)).append(" passed, ")
        .append(total.get(Outcome.WAIVED)).append(" waived\n\n");
    s.append("| severity | failed | unknown | passed | waived |\n|---|---:|---:|---:|---:|\n");
    for (Map.Entry<Severity, Map<Outcome, Integer>> e : bySeverity.entrySet()) {
      Map<Outcome, Integer> n = e.getValue();
      s.append("| ").append(e.getKey()).append(" | ").append(n.get(Outcome.FAIL)).append(" | ")
          .append(n.get(Outcome.UNKNOWN)).append(" | ").append(n.get(Outcome.PASS)).append(" | ")
          .append(n.get(Outcome.WAIVED)).append(" |\n");
    }
    pieces.add(Piece.of(s.toString()));
  }

  private static void plan(CheckResult check, Run run, List<Piece> pieces) {
    Summary summary = check.summary();
    pieces.add(Piece.of("\n### " + code(check.plan().source()) + "\n\n" + summary.line() + "\n"));
    List<Result> sorted = new ArrayList<>(check.results());
    sorted.sort(Result.BY_URGENCY);
    section(sorted, Outcome.FAIL, "Failed", run, pieces);
    section(sorted, Outcome.UNKNOWN, "Unknown until apply", run, pieces);
    section(sorted, Outcome.WAIVED, "Waived", run, pieces);
    List<Result> passed = sorted.stream().filter(r -> r.outcome() == Outcome.PASS).sorted(Result.BY_RULE).toList();
    if (!passed.isEmpty()) {
      pieces.add(Piece.of("\n<details><summary>Passed (" + passed.size() + ")</summary>\n\n| rule | resource |\n|---|---|\n"));
      for (int i = 0; i < passed.size(); i++) {
        Result r = passed.get(i);
        String rule = sameRule(passed, i) ? "" : rule(r, run);
        pieces.add(new Piece("| " + rule + " | " + code(r.address()) + " |\n", Outcome.PASS));
      }
      pieces.add(Piece.of("\n</details>\n"));
    }
  }

  private static void section(List<Result> sorted, Outcome outcome, String heading, Run run, List<Piece> pieces) {
    List<Result> shown = sorted.stream().filter(r -> r.outcome() == outcome).toList();
    if (shown.isEmpty()) {
      return;
    }
    pieces.add(Piece.of("\n#### " + heading + " (" + shown.size() + ")\n\n| severity | rule | resource | why |\n|---|---|---|---|\n"));
    for (int i = 0; i < shown.size(); i++) {
      Result r = shown.get(i);
      String rule = sameRule(shown, i) ? " | " : r.severity() + " | " + rule(r, run);
      pieces.add(new Piece("| " + rule + " | " + code(r.address()) + " | " + cell(r.message()) + " |\n", outcome));
    }
  }

  /** Whether the row above is of the same rule: its severity and rule cells are left blank, so rows group by rule. */
  private static boolean sameRule(List<Result> rows, int i) {
    return i > 0 && rows.get(i - 1).ruleId().equals(rows.get(i).ruleId());
  }

  /** The pieces in order while they fit under the limit; past it, a note of what is left out. */
  private static String fit(List<Piece> pieces) {
    StringBuilder out = new StringBuilder();
    Map<Outcome, Integer> left = new EnumMap<>(Outcome.class);
    boolean inDetails = false;
    boolean cut = false;
    for (Piece p : pieces) {
      cut |= out.length() + p.text().length() > LIMIT - RESERVE;
      if (cut) {
        if (p.row() != null) {
          left.merge(p.row(), 1, Integer::sum);
        }
        continue;
      }
      out.append(p.text());
      if (p.text().contains("<details>")) {
        inDetails = true;
      } else if (p.text().contains("</details>")) {
        inDetails = false;
      }
    }
    if (!cut) {
      return out.toString();
    }
    if (inDetails) {
      out.append("\n</details>\n");
    }
    List<String> counts = new ArrayList<>();
    for (Outcome o : Outcome.values()) {
      if (left.containsKey(o)) {
        counts.add(left.get(o) + " " + PAST.get(o));
      }
    }
    out.append("\n> [!NOTE]\n> Cut here to stay under GitHub's ").append(String.format(Locale.ROOT, "%,d", LIMIT))
        .append("-character comment limit").append(counts.isEmpty() ? "" : "; not listed: " + String.join(", ", counts))
        .append(". Every result is in the JSON, SARIF and HTML reports (`--output json=tfcheck.json`).\n");
    return out.toString();
  }

  /** The rule's ID, linked to its page, and its title. */
  private static String rule(Result r, Run run) {
    return run.catalog().byId(r.ruleId())
        .map(x -> "[" + x.id() + "](" + SarifReport.helpUri(x) + ") " + cell(x.title()))
        .orElse(cell(r.ruleId()));
  }

  /**
   * Text in a table cell, shown as written: Markdown, HTML and GitHub's references ({@code @user},
   * {@code #12}) are backslash-escaped, which GitHub's Markdown allows for any ASCII punctuation.
   */
  static String cell(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        out.append("<br>");
      } else if (ESCAPED.indexOf(c) >= 0) {
        out.append('\\').append(c);
      } else if (c != '\r') {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Text as inline code in a table cell: a fence longer than any run of backticks in it; pipes escaped for the table. */
  static String code(String s) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      run = s.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    String pad = longest > 0 ? " " : "";
    return fence + pad + s.replace("|", "\\|").replace("\n", " ") + pad + fence;
  }
}
