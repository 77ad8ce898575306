package dev.tfcheck.report;

import dev.tfcheck.finding.CheckResult;
import dev.tfcheck.policy.RuleCatalog;
import java.util.List;
import java.util.Objects;

/**
 * Everything a report renders: the result of each plan checked in one invocation (in the order
 * given) and the catalog of the rules that judged them (built-in and users').
 */
public record Run(List<CheckResult> checks, RuleCatalog catalog) {
  public Run {
    checks = List.copyOf(checks);
    Objects.requireNonNull(catalog, "catalog");
  }
}
