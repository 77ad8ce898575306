package dev.tfcheck.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tfcheck.finding.Severity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The rules of a policy bundle, read from the annotations {@code opa inspect -a} reports for it: each
 * package under {@code data.tfcheck.rules} with a {@code custom.id} is a rule.
 */
public final class RuleCatalog {
  private static final List<String> RULES_PREFIX = List.of("data", "tfcheck", "rules");

  private final SortedMap<String, Rule> byId;
  private final Map<String, Rule> byKey;

  private RuleCatalog(SortedMap<String, Rule> byId, Map<String, Rule> byKey) {
    this.byId = byId;
    this.byKey = byKey;
  }

  /**
   * Reads {@code opa inspect --annotations --format json} output.
   *
   * @throws IllegalArgumentException when a rule's metadata is incomplete or two rules share an ID
   */
  public static RuleCatalog fromInspection(JsonNode inspection) {
    SortedMap<String, Rule> byId = new TreeMap<>();
    Map<String, Rule> byKey = new TreeMap<>();
    for (JsonNode entry : inspection.path("annotations")) {
      JsonNode a = entry.path("annotations");
      if (!"package".equals(a.path("scope").asText()) || !a.path("custom").has("id")) {
        continue;
      }
      List<String> path = new ArrayList<>();
      for (JsonNode step : entry.path("path")) {
        path.add(step.path("value").asText());
      }
      if (path.size() <= RULES_PREFIX.size() || !path.subList(0, RULES_PREFIX.size()).equals(RULES_PREFIX)) {
        continue;
      }
      String key = String.join(".", path.subList(RULES_PREFIX.size(), path.size()));
      Rule rule = rule(key, a);
      if (byId.put(rule.id(), rule) != null) {
        throw new IllegalArgumentException("two rules have the id " + rule.id());
      }
      byKey.put(key, rule);
    }
    return new RuleCatalog(byId, byKey);
  }

  private static Rule rule(String key, JsonNode a) {
    JsonNode custom = a.path("custom");
    String id = required(custom, "id", key);
    Severity severity;
    try {
      severity = Severity.parse(required(custom, "severity", key));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("rule " + key + ": severity must be CRITICAL, HIGH, MEDIUM or LOW");
    }
    List<String> types = new ArrayList<>();
    custom.path("resource_types").forEach(t -> types.add(t.asText()));
    SortedMap<String, List<String>> controls = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = custom.path("controls").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      List<String> values = new ArrayList<>();
      if (e.getValue().isArray()) {
        e.getValue().forEach(v -> values.add(v.asText()));
      } else {
        values.add(e.getValue().asText());
      }
      controls.put(e.getKey(), values);
    }
    SortedMap<String, JsonNode> parameters = new TreeMap<>();
    custom.path("parameters").fields().forEachRemaining(e -> parameters.put(e.getKey(), e.getValue()));
    return new Rule(key, id, required(a, "title", key), a.path("description").asText(""), severity,
        required(custom, "tier", key), types, controls, parameters, custom.path("recommended_action").asText(""),
        custom.path("avoid").asText(""), custom.path("prefer").asText(""));
  }

  private static String required(JsonNode node, String field, String key) {
    JsonNode v = node.get(field);
    if (v == null || v.asText().isBlank()) {
      throw new IllegalArgumentException("rule " + key + " has no " + field + " in its METADATA");
    }
    return v.asText();
  }

  public Collection<Rule> rules() {
    return byId.values();
  }

  public Optional<Rule> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public Optional<Rule> byKey(String key) {
    return Optional.ofNullable(byKey.get(key));
  }
}
