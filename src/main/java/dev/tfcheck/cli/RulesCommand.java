package dev.tfcheck.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.tfcheck.plan.Json;
import dev.tfcheck.policy.BuiltinPolicies;
import dev.tfcheck.policy.Rule;
import dev.tfcheck.policy.RuleCatalog;
import dev.tfcheck.report.RuleDocs;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "rules", description = "List the rule catalog.")
final class RulesCommand implements Callable<Integer> {
  enum Format { text, json, markdown }

  private final Io io;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  RulesCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    RuleCatalog catalog = BuiltinPolicies.catalog();
    switch (format) {
      case text -> io.out().print(RuleDocs.table(catalog.rules()));
      case markdown -> io.out().print(RuleDocs.markdownTable(catalog.rules()));
      case json -> {
        ArrayNode all = Json.nodes().arrayNode();
        for (Rule r : catalog.rules()) {
          all.add(RuleDocs.json(r));
        }
        io.out().print(Json.pretty(all));
      }
    }
    return ExitCode.CLEAN;
  }
}
