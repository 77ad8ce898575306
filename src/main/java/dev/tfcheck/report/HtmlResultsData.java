package dev.tfcheck.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.tfcheck.finding.Outcome;
import dev.tfcheck.finding.Result;
import dev.tfcheck.finding.Severity;
import dev.tfcheck.plan.Json;
import dev.tfcheck.policy.Rule;
import dev.tfcheck.policy.RuleCatalog;
import dev.tfcheck.source.SourceLocation;
import dev.tfcheck.source.SourceMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One plan's results as the data the report's script renders the results table from. Rules and
 * addresses are written once and results refer to them by index, which keeps a 20,000-result report
 * to about a third of its JSON report's size. One row per line, so a golden file diffs readably:
 *
 * <pre>
 * {"outcomes":["FAIL",...],"severities":["CRITICAL",...],
 * "rules":[
 * ["TFC-RDS-001","title","docs/rules/TFC-RDS-001.md","recommended action"],...],
 * "addresses":[
 * "aws_rds_cluster.this",...],
 * "locations":[
 * "main.tf:12",...],
 * "results":[
 * [rule, address, outcome, severity, "path", "message"],
 * [rule, address, outcome, severity, "path", "message", 1],...]}
 * </pre>
 *
 * {@code locations} is parallel to {@code addresses} ({@code ""} where unknown) and empty without
 * {@code --source-dir}; a result's seventh element, 1, marks a FAIL the baseline already had.
 * Results are in {@link Result#BY_URGENCY} order: the table opens on the worst findings.
 */
final class HtmlResultsData {
  private HtmlResultsData() {}

  static String of(List<Result> results, RuleCatalog catalog, SourceMap sources) {
    Map<String, Integer> rules = index(results.stream().map(Result::ruleId).toList());
    Map<String, Integer> addresses = index(results.stream().map(Result::address).toList());
    List<Result> ordered = new ArrayList<>(results);
    ordered.sort(Result.BY_URGENCY);

    ArrayNode outcomes = Json.nodes().arrayNode();
    for (Outcome o : Outcome.values()) {
      outcomes.add(o.name());
    }
    ArrayNode severities = Json.nodes().arrayNode();
    for (Severity s : Severity.values()) {
      severities.add(s.name());
    }
    List<String> ruleRows = new ArrayList<>();
    for (String id : rules.keySet()) {
      Optional<Rule> rule = catalog.byId(id);
      ruleRows.add(Json.compact(Json.nodes().arrayNode()
          .add(id)
          .add(rule.map(Rule::title).orElse(""))
          .add(rule.map(Rule::docsPath).orElse(""))
          .add(rule.map(Rule::recommendedAction).orElse("").strip())));
    }
    List<String> addressRows = new ArrayList<>();
    List<String> locationRows = new ArrayList<>();
    for (String address : addresses.keySet()) {
      addressRows.add(Json.compact(Json.nodes().textNode(address)));
      if (!sources.isEmpty()) {
        String at = sources.locate(address).map(SourceLocation::toString).orElse("");
        locationRows.add(Json.compact(Json.nodes().textNode(at)));
      }
    }
    List<String> resultRows = new ArrayList<>();
    for (Result r : ordered) {
      ArrayNode row = Json.nodes().arrayNode()
          .add(rules.get(r.ruleId()))
          .add(addresses.get(r.address()))
          .add(r.outcome().ordinal())
          .add(r.severity().ordinal())
          .add(r.path())
          .add(r.message());
      if (r.baseline()) {
        row.add(1);
      }
      resultRows.add(Json.compact(row));
    }
    String json = "{\"outcomes\":" + Json.compact(outcomes) + ",\"severities\":" + Json.compact(severities)
        + ",\n\"rules\":" + rows(ruleRows) + ",\n\"addresses\":" + rows(addressRows)
        + ",\n\"locations\":" + rows(locationRows) + ",\n\"results\":" + rows(resultRows) + "}";
    return Html.scriptData(json);
  }

  /** Each distinct value, sorted, to its position. */
  private static Map<String, Integer> index(List<String> values) {
    Map<String, Integer> index = new TreeMap<>();
    values.forEach(v -> index.put(v, 0));
    int i = 0;
    for (Map.Entry<String, Integer> e : index.entrySet()) {
      e.setValue(i++);
    }
    return index;
  }

  private static String rows(List<String> rows) {
    return rows.isEmpty() ? "[]" : "[\n" + String.join(",\n", rows) + "]";
  }
}
