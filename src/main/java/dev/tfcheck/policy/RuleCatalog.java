package dev.tfcheck.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tfcheck.finding.Severity;
import dev.tfcheck.plan.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of a policy bundle, read from the annotations {@code opa inspect -a} reports for it: each
 * package under {@code data.tfcheck.rules} with a {@code custom.id} is a rule.
 */
public final class RuleCatalog {
  private static final String RULES_PACKAGE = "tfcheck.rules.";
  private static final Pattern PACKAGE = Pattern.compile("\\s*package\\s+([A-Za-z0-9_.]+)\\s*(#.*)?");

  private final SortedMap<String, Rule> byId;
  private final Map<String, Rule> byKey;

  private RuleCatalog(SortedMap<String, Rule> byId, Map<String, Rule> byKey) {
    this.byId = byId;
    this.byKey = byKey;
  }

  /**
   * Reads the rules' package METADATA from Rego sources: a {@code # METADATA} comment block (YAML)
   * directly above a {@code package} line under {@code tfcheck.rules}, as OPA defines it.
   *
   * @throws IllegalArgumentException when a rule's metadata is incomplete or two rules share an ID
   */
  public static RuleCatalog fromSources(Map<String, String> sources) {
    SortedMap<String, Rule> byId = new TreeMap<>();
    Map<String, Rule> byKey = new TreeMap<>();
    for (Map.Entry<String, String> source : new TreeMap<>(sources).entrySet()) {
      for (Map.Entry<String, JsonNode> annotated : packageAnnotations(source.getKey(), source.getValue()).entrySet()) {
        String pkg = annotated.getKey();
        JsonNode a = annotated.getValue();
        if (!pkg.startsWith(RULES_PACKAGE) || !a.path("custom").has("id")) {
          continue;
        }
        String key = pkg.substring(RULES_PACKAGE.length());
        Rule rule = rule(key, a);
        Rule clash = byId.put(rule.id(), rule);
        if (clash != null) {
          throw new IllegalArgumentException("two rules have the id " + rule.id() + ": " + clash.key() + " and " + key);
        }
        byKey.put(key, rule);
      }
    }
    return new RuleCatalog(byId, byKey);
  }

  /** Package name -> its METADATA, for the packages of one file that have one. */
  static Map<String, JsonNode> packageAnnotations(String file, String text) {
    Map<String, JsonNode> out = new TreeMap<>();
    String[] lines = text.split("\\r?\\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].strip().equals("# METADATA")) {
        continue;
      }
      StringBuilder yaml = new StringBuilder();
      int j = i + 1;
      for (; j < lines.length && lines[j].stripLeading().startsWith("#"); j++) {
        String comment = lines[j].stripLeading().substring(1);
        yaml.append(comment.startsWith(" ") ? comment.substring(1) : comment).append('\n');
      }
      Matcher pkg = j < lines.length ? PACKAGE.matcher(lines[j]) : null;
      if (pkg == null || !pkg.matches()) {
        continue; // a rule's annotation, not the package's
      }
      try {
        JsonNode parsed = Json.yaml().readTree(yaml.toString());
        if (parsed != null && parsed.isObject()) {
          out.put(pkg.group(1), parsed);
        }
      } catch (IOException e) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": METADATA is not valid YAML: "
            + e.getMessage().lines().findFirst().orElse(""));
      }
    }
    return out;
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

  /** A catalog of rules already read (the build's index of the built-in ones). */
  static RuleCatalog of(List<Rule> rules) {
    SortedMap<String, Rule> byId = new TreeMap<>();
    Map<String, Rule> byKey = new TreeMap<>();
    for (Rule r : rules) {
      byId.put(r.id(), r);
      byKey.put(r.key(), r);
    }
    return new RuleCatalog(byId, byKey);
  }

  /** One catalog of several bundles' rules. */
  public static RuleCatalog merge(List<RuleCatalog> catalogs) {
    SortedMap<String, Rule> byId = new TreeMap<>();
    Map<String, Rule> byKey = new TreeMap<>();
    for (RuleCatalog c : catalogs) {
      for (Rule r : c.rules()) {
        if (byId.put(r.id(), r) != null) {
          throw new IllegalArgumentException("two rules have the id " + r.id());
        }
        if (byKey.put(r.key(), r) != null) {
          throw new IllegalArgumentException("two rules are package data.tfcheck.rules." + r.key());
        }
      }
    }
    return new RuleCatalog(byId, byKey);
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
