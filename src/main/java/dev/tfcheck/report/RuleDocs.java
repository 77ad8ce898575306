package dev.tfcheck.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tfcheck.plan.Json;
import dev.tfcheck.policy.Rule;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Rule documentation, generated from METADATA: text, Markdown and JSON renderings of the catalog. */
public final class RuleDocs {
  private RuleDocs() {}

  /** {@code TFC-RDS-001  HIGH      spike     Aurora cluster storage is encrypted}, one per rule. */
  public static String table(Collection<Rule> rules) {
    StringBuilder sb = new StringBuilder();
    for (Rule r : rules) {
      sb.append(String.format("%-12s %-9s %-9s %s%n", r.id(), r.severity(), r.tier(), r.title()));
    }
    return sb.toString().replace("\r\n", "\n");
  }

  /** The catalog as a Markdown table. */
  public static String markdownTable(Collection<Rule> rules) {
    StringBuilder sb = new StringBuilder("| ID | severity | tier | title | resource types |\n|---|---|---|---|---|\n");
    for (Rule r : rules) {
      sb.append("| [").append(r.id()).append("](rules/").append(r.id()).append(".md) | ").append(r.severity())
          .append(" | ").append(r.tier()).append(" | ").append(escape(r.title())).append(" | ")
          .append(String.join(", ", r.resourceTypes())).append(" |\n");
    }
    return sb.toString();
  }

  /** One rule's page: what, why, what to do, the Terraform to avoid and to prefer. */
  public static String markdown(Rule r) {
    StringBuilder sb = new StringBuilder();
    sb.append("# ").append(r.id()).append(": ").append(r.title()).append("\n\n");
    sb.append("| severity | tier | resource types |\n|---|---|---|\n");
    sb.append("| ").append(r.severity()).append(" | ").append(r.tier()).append(" | ")
        .append(String.join(", ", r.resourceTypes())).append(" |\n\n");
    sb.append(r.description().strip()).append("\n\n");
    if (!r.recommendedAction().isBlank()) {
      sb.append("## What to do\n\n").append(r.recommendedAction().strip()).append("\n\n");
    }
    if (!r.parameters().isEmpty()) {
      sb.append("## Parameters\n\nSet in `.tfcheck.yaml` under `parameters:`.\n\n| name | default |\n|---|---|\n");
      r.parameters().forEach((k, v) -> sb.append("| `").append(k).append("` | `").append(Json.compact(v)).append("` |\n"));
      sb.append('\n');
    }
    if (!r.controls().isEmpty()) {
      sb.append("## Controls\n\n");
      for (Map.Entry<String, List<String>> e : r.controls().entrySet()) {
        sb.append("- ").append(e.getKey()).append(": ").append(String.join("; ", e.getValue())).append('\n');
      }
      sb.append('\n');
    }
    if (!r.avoid().isBlank()) {
      sb.append("## Terraform to avoid\n\n```hcl\n").append(r.avoid().strip()).append("\n```\n\n");
    }
    if (!r.prefer().isBlank()) {
      sb.append("## Terraform to prefer\n\n```hcl\n").append(r.prefer().strip()).append("\n```\n\n");
    }
    sb.append("_Generated from the rule's METADATA in `policies/` by `tfcheck explain --format markdown ")
        .append(r.id()).append("`._\n");
    return sb.toString();
  }

  public static ObjectNode json(Rule r) {
    ObjectNode o = Json.nodes().objectNode();
    o.put("id", r.id());
    o.put("title", r.title());
    o.put("severity", r.severity().name());
    o.put("tier", r.tier());
    ArrayNode types = o.putArray("resource_types");
    r.resourceTypes().forEach(types::add);
    o.put("description", r.description());
    o.put("recommended_action", r.recommendedAction());
    ObjectNode controls = o.putObject("controls");
    r.controls().forEach((k, v) -> {
      ArrayNode a = controls.putArray(k);
      v.forEach(a::add);
    });
    ObjectNode params = o.putObject("parameters");
    r.parameters().forEach(params::set);
    o.put("docs", r.docsPath());
    return o;
  }

  private static String escape(String s) {
    return s.replace("|", "\\|");
  }
}
