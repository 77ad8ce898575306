package dev.tfcheck.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tfcheck.finding.Baseline;
import dev.tfcheck.finding.CheckResult;
import dev.tfcheck.finding.Result;
import dev.tfcheck.finding.Summary;
import dev.tfcheck.finding.Waivers;
import dev.tfcheck.model.Model;
import dev.tfcheck.plan.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks a model against every policy set of a run and puts the results together: the rules'
 * verdicts, then the waivers, then the baseline (a waived result is no longer a FAIL to compare).
 */
public final class Checker {
  private final List<PolicySet> sets;
  private final Waivers waivers;
  private final Baseline baseline;

  public Checker(List<PolicySet> sets, Waivers waivers, Baseline baseline) {
    this.sets = List.copyOf(sets);
    this.waivers = Objects.requireNonNull(waivers, "waivers");
    this.baseline = Objects.requireNonNull(baseline, "baseline");
  }

  /** The policy sets alone: no waiver, no baseline. */
  public Checker(List<PolicySet> sets) {
    this(sets, Waivers.none(), Baseline.none());
  }

  /** The built-in rules, every one, at their default parameters. */
  public static Checker builtIn(UnknownMode unknownMode) {
    return builtIn(unknownMode, Waivers.none(), Baseline.none());
  }

  /** The built-in rules, every one, at their default parameters, with waivers and a baseline. */
  public static Checker builtIn(UnknownMode unknownMode, Waivers waivers, Baseline baseline) {
    RuleCatalog catalog = BuiltinPolicies.catalog();
    ObjectNode parameters = RulePolicies.parameters(catalog, Json.nodes().objectNode());
    return new Checker(List.of(new RulePolicies(BuiltinPolicies.bundle(), catalog, List.copyOf(catalog.rules()),
        parameters, unknownMode)), waivers, baseline);
  }

  /**
   * Starts loading every policy set's Wasm in the background, so that it overlaps reading the first
   * plan; a failure to load surfaces where it did without, at the first check.
   */
  public void prefetch() {
    sets.forEach(PolicySet::prefetch);
  }

  /** Whether a policy set reads the plan document itself, so that models must keep all of it. */
  public boolean readsPlanDocument() {
    return sets.stream().anyMatch(PolicySet::readsPlanDocument);
  }

  /** @throws PolicyFailure when a policy fails on the model: the plan is then not judged */
  public CheckResult check(Model model) {
    List<Result> results = new ArrayList<>();
    List<CheckResult.Policy> policies = new ArrayList<>();
    int rules = 0;
    for (PolicySet set : sets) {
      try {
        results.addAll(set.results(model));
      } catch (PolicyFailure e) {
        throw e;
      } catch (RuntimeException e) {
        throw new PolicyFailure(set.bundle(), e);
      }
      policies.add(new CheckResult.Policy(set.bundle().name(), set.bundle().sha256()));
      rules += set.ruleCount();
    }
    results.sort(Result.BY_RULE);
    Waivers.Applied waived = waivers.apply(results);
    List<Result> judged = baseline.apply(waived.results());
    return new CheckResult(model.plan(), policies, judged, Summary.of(judged, model.resources().size(), rules),
        waived.uses());
  }
}
