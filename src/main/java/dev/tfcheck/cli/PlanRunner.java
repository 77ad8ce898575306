package dev.tfcheck.cli;

import dev.tfcheck.Parallel;
import dev.tfcheck.Timings;
import dev.tfcheck.finding.CheckResult;
import dev.tfcheck.model.Model;
import dev.tfcheck.model.ModelBuilder;
import dev.tfcheck.plan.Plan;
import dev.tfcheck.plan.PlanException;
import dev.tfcheck.plan.PlanReader;
import dev.tfcheck.policy.Checker;
import dev.tfcheck.policy.PolicyFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Checks the plans of one invocation, several at a time (one per processor: the checker gives each
 * evaluation its own Wasm instance), and hands back their outcomes in the order the plans were
 * given, with the lines each has for stderr, so that output never depends on scheduling.
 */
final class PlanRunner {
  /** One plan's outcome: its result, or an input error; the stderr lines it has either way. */
  record Outcome(String source, List<String> messages, CheckResult check) {
    boolean failed() {
      return check == null;
    }
  }

  private PlanRunner() {}

  static List<Outcome> run(List<String> sources, PlanReader reader, Checker checker, boolean allowEmpty,
      boolean debug) {
    List<Callable<Outcome>> tasks = new ArrayList<>();
    for (String source : sources) {
      tasks.add(() -> check(source, reader, checker, allowEmpty, debug));
    }
    return Parallel.run(tasks, "tfcheck-plan");
  }

  private static Outcome check(String source, PlanReader reader, Checker checker, boolean allowEmpty, boolean debug) {
    List<String> messages = new ArrayList<>();
    Plan plan;
    try {
      plan = reader.read(source);
    } catch (PlanException e) {
      messages.addAll(Errors.lines(source, e.getMessage(), e, debug));
      return new Outcome(source, messages, null);
    }
    plan.warnings().forEach(w -> messages.add("tfcheck: " + source + ": warning: " + w));
    Timings.mark("parse");
    try {
      Model model = ModelBuilder.build(plan);
      if (!checker.readsPlanDocument()) {
        model = model.withoutResourceSections();
      }
      plan = null; // the model keeps what is needed of it: let the rest go while a large plan is judged
      Timings.mark("resolve");
      if (model.resources().isEmpty() && !allowEmpty) {
        messages.add("tfcheck: " + source + ": nothing to check: the plan has no resources (--allow-empty accepts that)");
        return new Outcome(source, messages, null);
      }
      return new Outcome(source, messages, checker.check(model));
    } catch (PolicyFailure e) {
      messages.addAll(Errors.lines(source, e.getMessage(), e, debug));
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      // One plan that cannot be checked must not hide the others' results, nor print a stack trace.
      messages.addAll(Errors.lines(source, Errors.unexpected(e), e, debug));
    }
    return new Outcome(source, messages, null);
  }
}
