package dev.tfcheck.policy;

import dev.tfcheck.finding.Outcome;
import dev.tfcheck.finding.Result;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns raw verdicts into one {@link Result} per (rule, address): an address a rule judged with no
 * finding passes; FAIL findings win over UNKNOWN ones; several messages are joined.
 */
public final class Evaluation {
  private Evaluation() {}

  public static List<Result> results(Collection<Rule> rules, Map<String, PolicyEngine.Verdict> verdicts,
      UnknownMode unknownMode) {
    List<Result> results = new ArrayList<>();
    for (Rule rule : rules) {
      PolicyEngine.Verdict verdict = verdicts.get(rule.key());
      if (verdict == null) {
        continue;
      }
      SortedMap<String, List<PolicyEngine.Finding>> byAddress = new TreeMap<>();
      verdict.applies().forEach(a -> byAddress.put(a, new ArrayList<>()));
      for (PolicyEngine.Finding f : verdict.deny()) {
        byAddress.computeIfAbsent(f.address(), a -> new ArrayList<>()).add(f);
      }
      byAddress.forEach((address, findings) -> results.add(result(rule, address, findings, unknownMode)));
    }
    results.sort(Result.BY_RULE);
    return results;
  }

  private static Result result(Rule rule, String address, List<PolicyEngine.Finding> findings, UnknownMode mode) {
    Outcome outcome = Outcome.PASS;
    for (PolicyEngine.Finding f : findings) {
      if ("FAIL".equals(f.outcome())) {
        outcome = Outcome.FAIL;
      } else if (outcome == Outcome.PASS) {
        outcome = Outcome.UNKNOWN;
      }
    }
    if (outcome == Outcome.PASS) {
      return new Result(rule.id(), rule.severity(), address, Outcome.PASS, "", "");
    }
    String decisive = outcome.name();
    SortedSet<String> messages = new TreeSet<>();
    SortedSet<String> paths = new TreeSet<>();
    for (PolicyEngine.Finding f : findings) {
      if (decisive.equals(f.outcome()) || (outcome == Outcome.UNKNOWN && !"FAIL".equals(f.outcome()))) {
        messages.add(f.message());
        paths.add(f.path());
      }
    }
    String message = String.join("; ", messages);
    String path = paths.isEmpty() ? "" : paths.first();
    if (outcome == Outcome.UNKNOWN && mode == UnknownMode.FAIL) {
      return new Result(rule.id(), rule.severity(), address, Outcome.FAIL, path, "unknown until apply: " + message);
    }
    if (outcome == Outcome.UNKNOWN && mode == UnknownMode.PASS) {
      return new Result(rule.id(), rule.severity(), address, Outcome.PASS, "", "");
    }
    return new Result(rule.id(), rule.severity(), address, outcome, path, message);
  }
}
