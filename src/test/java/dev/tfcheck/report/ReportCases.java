package dev.tfcheck.report;

import dev.tfcheck.Fixtures;
import dev.tfcheck.finding.Baseline;
import dev.tfcheck.finding.CheckResult;
import dev.tfcheck.finding.Waiver;
import dev.tfcheck.finding.Waivers;
import dev.tfcheck.plan.Plan;
import dev.tfcheck.policy.BuiltinPolicies;
import dev.tfcheck.policy.Checker;
import dev.tfcheck.policy.RuleCatalog;
import dev.tfcheck.policy.Rule;
import dev.tfcheck.policy.UnknownMode;
import dev.tfcheck.finding.Severity;
import dev.tfcheck.source.SourceException;
import dev.tfcheck.source.SourceMap;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runs the report formats are tested on, each a real plan checked by the built-in rules through
 * the compiled Wasm, with its Terraform as the source directory: the clean reference plan, the
 * failing one, and the rule fixtures' plan, which has UNKNOWNs, with waivers (one on a FAIL, one on
 * two UNKNOWNs, one expired). Checked once per JVM and shared by the tests.
 */
final class ReportCases {
  /** The date the waivers are judged on: fixed, so the expired one stays expired and the others in force. */
  static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
  /** Stands for the policy bundle's hash, which changes with every edit of a rule. */
  static final String POLICY_HASH = "0".repeat(64);

  static final List<Waiver> WAIVERS = List.of(
      new Waiver("TFC-RDS-001", "module.aurora[\"unencrypted\"].**", "Throwaway migration cluster, deleted after cut-over",
          "data-team", LocalDate.of(2030, 6, 30)),
      new Waiver("TFC-RDS-015", "module.aurora[\"decided_at_apply\"].aws_rds_cluster_instance.this",
          "Instance class follows the capacity plan, decided at apply", "platform-team", LocalDate.of(2030, 6, 30)),
      new Waiver("TFC-S3-001", "aws_s3_bucket.partial_public_access_block", "Public website bucket, reviewed by security",
          "web-team", LocalDate.of(2026, 1, 31)));

  /** A case: its name (the golden files' stem), plan and source directory, relative to the repository. */
  record Case(String name, String plan, String sourceDir, List<Waiver> waivers) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final Case WAGTAIL = new Case("wagtail", "fixtures/reference/wagtail.plan.json",
      "reference-terraform/examples/wagtail", List.of());
  static final Case INSECURE = new Case("insecure", "fixtures/reference/insecure.plan.json",
      "reference-terraform/examples/insecure", List.of());
  static final Case VIOLATIONS = new Case("violations-waived", "fixtures/rules/violations.plan.json",
      "fixtures/rules/violations-src", WAIVERS);

  static final List<Case> ALL = List.of(WAGTAIL, INSECURE, VIOLATIONS);

  private static final Map<Case, CheckResult> CHECKED = new ConcurrentHashMap<>();

  private ReportCases() {}

  static RuleCatalog catalog() {
    return BuiltinPolicies.catalog();
  }

  /** The case's run with its source locations, as if tfcheck ran at the repository's root. */
  static Run run(Case c) {
    return new Run(List.of(check(c)), catalog(), sources(c));
  }

  /** The case's run without --source-dir. */
  static Run runWithoutSources(Case c) {
    return new Run(List.of(check(c)), catalog());
  }

  static SourceMap sources(Case c) {
    try {
      return SourceMap.scan(Path.of(c.sourceDir()), Fixtures.repo());
    } catch (SourceException e) {
      throw new AssertionError(e.file() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The case's plan checked, as if named by its path relative to the repository (as a user in the
   * repository would), with the policy hash fixed.
   */
  static CheckResult check(Case c) {
    return CHECKED.computeIfAbsent(c, k -> {
      RuleCatalog catalog = catalog();
      Waivers waivers = new Waivers(k.waivers(), TODAY,
          id -> catalog.byId(id).map(Rule::severity).orElse(Severity.HIGH));
      CheckResult checked = Checker.builtIn(UnknownMode.WARN, waivers, Baseline.none()).check(Fixtures.model(k.plan()));
      Plan p = checked.plan();
      Plan named = new Plan(k.plan(), p.sha256(), p.root(), p.formatVersion(), p.terraformVersion(), p.warnings());
      List<CheckResult.Policy> policies = checked.policies().stream()
          .map(x -> new CheckResult.Policy(x.name(), POLICY_HASH)).toList();
      return new CheckResult(named, policies, checked.results(), checked.summary(), checked.waivers());
    });
  }
}
