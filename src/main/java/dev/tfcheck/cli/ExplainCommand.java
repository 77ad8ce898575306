package dev.tfcheck.cli;

import dev.tfcheck.plan.Json;
import dev.tfcheck.policy.BuiltinPolicies;
import dev.tfcheck.policy.Rule;
import dev.tfcheck.report.RuleDocs;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "explain", description = "Explain one rule: what it checks, why, and the Terraform to prefer.")
final class ExplainCommand implements Callable<Integer> {
  enum Format { markdown, json }

  private final Io io;

  @Parameters(paramLabel = "ID", description = "A rule ID, e.g. TFC-RDS-001.")
  String id;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "markdown",
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  ExplainCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    Optional<Rule> rule = BuiltinPolicies.catalog().byId(id.trim().toUpperCase(Locale.ROOT));
    if (rule.isEmpty()) {
      io.err().println("tfcheck: no rule " + id + " (tfcheck rules lists them)");
      return ExitCode.ERROR;
    }
    io.out().print(format == Format.json ? Json.pretty(RuleDocs.json(rule.get())) : RuleDocs.markdown(rule.get()));
    return ExitCode.CLEAN;
  }
}
