package dev.tfcheck.policy;

import dev.tfcheck.finding.Result;
import dev.tfcheck.model.Model;
import java.util.List;

/** A bundle of policies that judges a model: the built-in rules, a user's rules, conftest policies. */
public interface PolicySet {
  /** Every result of every rule of the set on the model. */
  List<Result> results(Model model);

  /** The bundle evaluated: its name and hash are evidence in reports. */
  PolicyBundle bundle();

  /** How many rules the set counts for the summary. */
  int ruleCount();

  /**
   * Whether the set reads the plan document itself (conftest-style policies), not only the model:
   * then the model must keep the plan's resource sections ({@link Model#withoutResourceSections}).
   */
  default boolean readsPlanDocument() {
    return false;
  }

  /** Starts loading what evaluation needs (a Wasm instance) in the background, ahead of a first plan. */
  default void prefetch() {}
}
