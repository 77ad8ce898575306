package dev.tfcheck.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tfcheck.finding.Outcome;
import dev.tfcheck.finding.Result;
import dev.tfcheck.finding.Severity;
import dev.tfcheck.model.MaskedPlan;
import dev.tfcheck.model.Model;
import dev.tfcheck.plan.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Conftest-style policies, run unchanged: {@code package main} rules {@code deny}, {@code violation}
 * and {@code warn}, each a set of messages (strings, or objects with {@code msg}), judging the plan
 * document itself (with its sensitive values masked). Each message is a result of rule
 * {@code main.deny} (HIGH), {@code main.violation} (HIGH) or {@code main.warn} (INFO, reported but
 * not failing by default); a rule with no message passes.
 */
public final class ConftestPolicies implements PolicySet {
  private static final List<String> RULES = List.of("deny", "violation", "warn");
  /** The pseudo-address of findings about the plan as a whole. */
  private static final String PLAN = "(plan)";

  private final PolicyBundle bundle;
  private final EnginePool engines;

  public ConftestPolicies(PolicyBundle bundle) {
    this.bundle = bundle;
    this.engines = new EnginePool(bundle);
  }

  @Override
  public List<Result> results(Model model) {
    EngineInput input = EngineInput.of(MaskedPlan.of(model.plan(), model));
    JsonNode main = engines.with(engine -> engine.evaluate(UserPolicies.CONFTEST_ENTRYPOINT, input,
        Json.nodes().objectNode()));
    List<Result> results = new ArrayList<>();
    for (String rule : RULES) {
      String id = UserPolicies.CONFTEST_ENTRYPOINT + "." + rule;
      Severity severity = "warn".equals(rule) ? Severity.INFO : Severity.HIGH;
      JsonNode messages = main.path(rule);
      if (messages.isMissingNode()) {
        continue;
      }
      if (messages.isEmpty()) {
        results.add(new Result(id, severity, PLAN, Outcome.PASS, "", ""));
      }
      for (JsonNode m : messages) {
        String text = m.isTextual() ? m.asText() : m.path("msg").isTextual() ? m.path("msg").asText() : Json.compact(m);
        String address = m.path("address").isTextual() ? m.path("address").asText() : PLAN;
        results.add(new Result(id, severity, address, Outcome.FAIL, "", text));
      }
    }
    return results;
  }

  @Override
  public PolicyBundle bundle() {
    return bundle;
  }

  @Override
  public int ruleCount() {
    return RULES.size();
  }

  @Override
  public boolean readsPlanDocument() {
    return true;
  }

  @Override
  public void prefetch() {
    engines.prefetch();
  }
}
