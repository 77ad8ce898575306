package dev.tfcheck.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tfcheck.Timings;
import dev.tfcheck.finding.Result;
import dev.tfcheck.model.Model;
import dev.tfcheck.plan.Json;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Rules that follow tfcheck's protocol (docs/writing-rules.md), in a bundle: builds each model's
 * input document, evaluates every rule package, and turns the verdicts into results. Holds one Wasm
 * instance, loaded on first use; not thread-safe.
 */
public final class RulePolicies implements PolicySet {
  private final PolicyBundle bundle;
  private final RuleCatalog catalog;
  private final List<Rule> rules;
  private final ObjectNode parameters;
  private final UnknownMode unknownMode;
  private PolicyEngine engine;

  /**
   * @param rules the rules to report (a subset of the catalog)
   * @param parameters the complete parameters, as {@link #parameters} builds them
   */
  public RulePolicies(PolicyBundle bundle, RuleCatalog catalog, List<Rule> rules, ObjectNode parameters,
      UnknownMode unknownMode) {
    this.bundle = bundle;
    this.catalog = catalog;
    this.rules = List.copyOf(rules);
    this.parameters = parameters.deepCopy();
    this.unknownMode = unknownMode;
  }

  /**
   * Every parameter the catalog's rules declare, at its METADATA default, overlaid with
   * {@code overrides}.
   *
   * @throws IllegalArgumentException naming an override that no rule declares
   */
  public static ObjectNode parameters(RuleCatalog catalog, ObjectNode overrides) {
    ObjectNode out = Json.nodes().objectNode();
    for (Rule r : catalog.rules()) {
      r.parameters().forEach(out::set);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = overrides.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!out.has(e.getKey())) {
        throw new IllegalArgumentException("unknown parameter '" + e.getKey()
            + "' (tfcheck rules --format json lists each rule's parameters)");
      }
      out.set(e.getKey(), e.getValue());
    }
    return out;
  }

  @Override
  public List<Result> results(Model model) {
    return Evaluation.results(rules, verdicts(model), unknownMode);
  }

  @Override
  public PolicyBundle bundle() {
    return bundle;
  }

  @Override
  public int ruleCount() {
    return rules.size();
  }

  /** The raw verdicts of every rule package in the bundle, checked against the catalog. */
  public SortedMap<String, PolicyEngine.Verdict> verdicts(Model model) {
    String input = Json.compact(PolicyInput.of(model));
    Timings.mark("policy input");
    if (engine == null) {
      engine = PolicyEngine.load(bundle);
      Timings.mark("wasm load");
    }
    SortedMap<String, PolicyEngine.Verdict> verdicts = engine.verdicts(input, parameters);
    Timings.mark("evaluate");
    for (String key : verdicts.keySet()) {
      if (catalog.byKey(key).isEmpty()) {
        throw new IllegalStateException("policy package data.tfcheck.rules." + key + " has no METADATA custom.id");
      }
    }
    for (Rule rule : rules) {
      if (!verdicts.containsKey(rule.key())) {
        throw new IllegalStateException("rule " + rule.id() + " was not evaluated");
      }
    }
    return verdicts;
  }

  public ObjectNode parameters() {
    return parameters.deepCopy();
  }
}
