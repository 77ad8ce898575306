package dev.tfcheck.report;

import dev.tfcheck.finding.Result;
import dev.tfcheck.finding.Summary;
import dev.tfcheck.policy.Rule;
import dev.tfcheck.policy.RuleCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The report by requirement and control: for each framework a rule's METADATA maps to (the spike's
 * requirements, CIS, AWS FSBP, Checkov, Trivy, or a user's own), each control with the rules that
 * implement it and how they judged the plan.
 */
final class HtmlControls {
  /** The frameworks an auditor asks about first, in that order; any other follows by name. */
  private static final List<String> FIRST = List.of("spike", "cis", "fsbp", "checkov", "trivy");

  private static final Map<String, String> NAMES = Map.of(
      "spike", "Infrastructure spike requirements",
      "cis", "CIS Amazon Web Services Foundations Benchmark",
      "fsbp", "AWS Foundational Security Best Practices",
      "checkov", "Checkov checks",
      "trivy", "Trivy checks (AVD IDs)");

  private static final Comparator<String> FRAMEWORK_ORDER = Comparator
      .comparingInt((String f) -> FIRST.contains(f) ? FIRST.indexOf(f) : FIRST.size())
      .thenComparing(Comparator.naturalOrder());

  /** The statuses of {@link Control#status()}, worst first. */
  private static final List<String> STATUSES = List.of("failing", "unknown", "waived", "passing", "not evaluated");

  /** One control: the rules mapped to it and the counts of their results on this plan. */
  record Control(String id, List<Rule> rules, Summary counts) {
    Control {
      rules = List.copyOf(rules);
    }

    /** The worst outcome among the results, as a word; "not evaluated" when the rules judged nothing. */
    String status() {
      if (counts.failed() > 0) {
        return "failing";
      }
      if (counts.unknown() > 0) {
        return "unknown";
      }
      if (counts.waived() > 0) {
        return "waived";
      }
      return counts.passed() > 0 ? "passing" : "not evaluated";
    }
  }

  private HtmlControls() {}

  /** Framework -> its controls in natural order ({@code ELB.4} before {@code ELB.17}). */
  static SortedMap<String, List<Control>> of(RuleCatalog catalog, List<Result> results) {
    Map<String, List<Result>> byRule = new TreeMap<>();
    for (Result r : results) {
      byRule.computeIfAbsent(r.ruleId(), k -> new ArrayList<>()).add(r);
    }
    SortedMap<String, SortedMap<String, List<Rule>>> mapped = new TreeMap<>(FRAMEWORK_ORDER);
    for (Rule rule : catalog.rules()) {
      rule.controls().forEach((framework, ids) -> {
        for (String id : ids) {
          mapped.computeIfAbsent(framework, k -> new TreeMap<>(NATURAL)).computeIfAbsent(id, k -> new ArrayList<>()).add(rule);
        }
      });
    }
    SortedMap<String, List<Control>> out = new TreeMap<>(FRAMEWORK_ORDER);
    mapped.forEach((framework, controls) -> {
      List<Control> list = new ArrayList<>();
      controls.forEach((id, rules) -> {
        List<Result> judged = new ArrayList<>();
        rules.forEach(rule -> judged.addAll(byRule.getOrDefault(rule.id(), List.of())));
        list.add(new Control(id, rules, Summary.of(judged, 0, rules.size())));
      });
      out.put(framework, list);
    });
    return out;
  }

  /**
   * An overview, a row per framework counting its controls by status, then each framework's
   * controls in a collapsed {@code <details>} (the script opens them all for printing).
   */
  static void write(SortedMap<String, List<Control>> frameworks, StringBuilder out) {
    if (frameworks.isEmpty()) {
      out.append("<p>No rule maps to a control.</p>\n");
      return;
    }
    out.append("<table class=\"frameworks\">\n<thead><tr><th>Framework</th><th class=\"n\">Controls</th>");
    for (String status : STATUSES) {
      out.append("<th class=\"n\">").append(Character.toUpperCase(status.charAt(0))).append(status.substring(1))
          .append("</th>");
    }
    out.append("</tr></thead>\n<tbody>\n");
    frameworks.forEach((framework, controls) -> {
      out.append("<tr><th scope=\"row\">").append(name(framework)).append("</th><td class=\"n\">")
          .append(controls.size()).append("</td>");
      for (String status : STATUSES) {
        long n = controls.stream().filter(c -> c.status().equals(status)).count();
        out.append("<td class=\"n").append(n == 0 ? " zero" : " status " + cssClass(status)).append("\">").append(n)
            .append("</td>");
      }
      out.append("</tr>\n");
    });
    out.append("</tbody>\n</table>\n");
    frameworks.forEach((framework, controls) -> {
      out.append("<details class=\"framework\"><summary>").append(name(framework)).append(": ")
          .append(controls.size()).append(controls.size() == 1 ? " control" : " controls").append("</summary>\n");
      out.append("<table class=\"controls\">\n<thead><tr><th>Control</th><th>Rules</th>");
      HtmlPlanSection.countHeaders(out);
      out.append("<th>Status</th></tr></thead>\n<tbody>\n");
      for (Control c : controls) {
        out.append("<tr><td>").append(Html.escape(c.id())).append("</td><td>");
        for (int i = 0; i < c.rules().size(); i++) {
          Rule r = c.rules().get(i);
          out.append(i == 0 ? "" : "<br>").append("<code>").append(Html.escape(r.id())).append("</code> ")
              .append(Html.escape(r.title()));
        }
        out.append("</td>");
        HtmlPlanSection.countCells(c.counts(), out);
        out.append("<td class=\"status ").append(cssClass(c.status())).append("\">").append(c.status())
            .append("</td></tr>\n");
      }
      out.append("</tbody>\n</table>\n</details>\n");
    });
  }

  /** A framework's display name: its full name when known, its METADATA key otherwise. */
  private static String name(String framework) {
    return Html.escape(NAMES.getOrDefault(framework, framework));
  }

  private static String cssClass(String status) {
    return status.replace(' ', '-');
  }

  /** Orders control IDs as people read them: digit runs by value, the rest by character. */
  static final Comparator<String> NATURAL = (a, b) -> {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char x = a.charAt(i);
      char y = b.charAt(j);
      if (Character.isDigit(x) && Character.isDigit(y)) {
        int si = i;
        int sj = j;
        while (i < a.length() && Character.isDigit(a.charAt(i))) {
          i++;
        }
        while (j < b.length() && Character.isDigit(b.charAt(j))) {
          j++;
        }
        String da = a.substring(si, i).replaceFirst("^0+(?=.)", "");
        String db = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
        int byValue = da.length() != db.length() ? Integer.compare(da.length(), db.length()) : da.compareTo(db);
        if (byValue != 0) {
          return byValue;
        }
      } else {
        if (x != y) {
          return Character.compare(x, y);
        }
        i++;
        j++;
      }
    }
    int byRest = Integer.compare(a.length() - i, b.length() - j);
    return byRest != 0 ? byRest : a.compareTo(b);
  };
}
