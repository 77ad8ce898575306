package dev.tfcheck.cli;

import dev.tfcheck.model.ModelBuilder;
import dev.tfcheck.plan.Json;
import dev.tfcheck.plan.Plan;
import dev.tfcheck.plan.PlanException;
import dev.tfcheck.plan.PlanReader;
import dev.tfcheck.policy.PolicyInput;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "inspect",
    description = "Print the policy input document of a plan (what Rego rules see), for writing rules.")
final class InspectCommand implements Callable<Integer> {
  private final Io io;

  @Parameters(paramLabel = "PLAN", description = "A plan: terraform show -json output (.json or .json.gz), a binary plan file, or - for stdin.")
  String plan;

  @Mixin
  DebugOption debug;

  InspectCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    Plan read;
    try {
      read = new PlanReader(io.in(), false).read(plan);
    } catch (PlanException e) {
      return Errors.report(io, plan, e, debug.debug);
    }
    read.warnings().forEach(w -> io.err().println("tfcheck: " + plan + ": warning: " + w));
    io.out().print(Json.pretty(PolicyInput.of(ModelBuilder.build(read))));
    return ExitCode.CLEAN;
  }
}
