package dev.tfcheck.report;

import dev.tfcheck.finding.CheckResult;
import dev.tfcheck.policy.RuleCatalog;
import dev.tfcheck.source.SourceMap;
import java.util.List;
import java.util.Objects;

/**
 * Everything a report renders: the result of each plan checked in one invocation (in the order
 * given), the catalog of the rules that judged them (built-in and users'), and where the resources
 * are declared ({@link SourceMap#NONE} without {@code --source-dir}).
 */
public record Run(List<CheckResult> checks, RuleCatalog catalog, SourceMap sources) {
  public Run {
    checks = List.copyOf(checks);
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(sources, "sources");
  }

  /** A run without source locations. */
  public Run(List<CheckResult> checks, RuleCatalog catalog) {
    this(checks, catalog, SourceMap.NONE);
  }
}
