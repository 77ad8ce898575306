package dev.tfcheck.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tfcheck.finding.CheckResult;
import dev.tfcheck.finding.Result;
import dev.tfcheck.finding.Summary;
import dev.tfcheck.model.Model;
import dev.tfcheck.plan.Json;
import java.util.ArrayList;
import java.util.List;

/** Checks a model against every policy set of a run and puts the results together. */
public final class Checker {
  private final List<PolicySet> sets;

  public Checker(List<PolicySet> sets) {
    this.sets = List.copyOf(sets);
  }

  /** The built-in rules, every one, at their default parameters. */
  public static Checker builtIn(UnknownMode unknownMode) {
    RuleCatalog catalog = BuiltinPolicies.catalog();
    ObjectNode parameters = RulePolicies.parameters(catalog, Json.nodes().objectNode());
    return new Checker(List.of(new RulePolicies(BuiltinPolicies.bundle(), catalog, List.copyOf(catalog.rules()),
        parameters, unknownMode)));
  }

  public CheckResult check(Model model) {
    List<Result> results = new ArrayList<>();
    List<CheckResult.Policy> policies = new ArrayList<>();
    int rules = 0;
    for (PolicySet set : sets) {
      results.addAll(set.results(model));
      policies.add(new CheckResult.Policy(set.bundle().name(), set.bundle().sha256()));
      rules += set.ruleCount();
    }
    results.sort(Result.BY_RULE);
    return new CheckResult(model.plan(), policies, results, Summary.of(results, model.resources().size(), rules), List.of());
  }
}
