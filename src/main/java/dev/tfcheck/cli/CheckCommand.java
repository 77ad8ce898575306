package dev.tfcheck.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tfcheck.Timings;
import dev.tfcheck.config.Config;
import dev.tfcheck.config.BaselineReport;
import dev.tfcheck.config.ConfigException;
import dev.tfcheck.finding.Baseline;
import dev.tfcheck.finding.CheckResult;
import dev.tfcheck.finding.Severity;
import dev.tfcheck.finding.Waivers;
import dev.tfcheck.model.Model;
import dev.tfcheck.model.ModelBuilder;
import dev.tfcheck.plan.Json;
import dev.tfcheck.plan.Plan;
import dev.tfcheck.plan.PlanException;
import dev.tfcheck.plan.PlanReader;
import dev.tfcheck.policy.BuiltinPolicies;
import dev.tfcheck.policy.Checker;
import dev.tfcheck.policy.ConftestPolicies;
import dev.tfcheck.policy.PolicyBundle;
import dev.tfcheck.policy.PolicyException;
import dev.tfcheck.policy.PolicySet;
import dev.tfcheck.policy.RulePolicies;
import dev.tfcheck.policy.UserPolicies;
import dev.tfcheck.report.AtomicFiles;
import dev.tfcheck.report.ReportFormat;
import dev.tfcheck.report.Run;
import dev.tfcheck.source.SourceException;
import dev.tfcheck.source.SourceMap;
import dev.tfcheck.policy.Rule;
import dev.tfcheck.policy.RuleCatalog;
import dev.tfcheck.policy.UnknownMode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

@Command(name = "check", description = "Check plans against the policies (the default command).")
final class CheckCommand implements Callable<Integer> {
  private final Io io;

  @Parameters(paramLabel = "PLAN", arity = "1..*",
      description = "Plans: terraform show -json output (.json or .json.gz), binary plan files, or - for stdin.")
  List<String> plans;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", converter = FormatConverter.class,
      description = "Report on stdout: text, json, sarif, junit, markdown, html (default: ${DEFAULT-VALUE}).")
  ReportFormat format;

  @Option(names = "--output", paramLabel = "FORMAT=PATH",
      description = "Also write a report to a file, atomically; repeatable: --output json=out.json")
  List<String> outputs = new ArrayList<>();

  @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "LOW", converter = SeverityConverter.class,
      description = "Exit 1 when a FAIL is at or above this severity: CRITICAL, HIGH, MEDIUM, LOW (default: ${DEFAULT-VALUE}).")
  Severity failOn;

  @Option(names = "--unknown", paramLabel = "MODE", defaultValue = "warn", converter = UnknownModeConverter.class,
      description = "Values known only after apply: warn (report, do not fail), fail, pass (default: ${DEFAULT-VALUE}).")
  UnknownMode unknown;

  @Option(names = "--only", paramLabel = "ID", split = ",", description = "Run only these rule IDs.")
  List<String> only = new ArrayList<>();

  @Option(names = "--skip", paramLabel = "ID", split = ",", description = "Do not run these rule IDs.")
  List<String> skip = new ArrayList<>();

  @Option(names = "--config", paramLabel = "FILE",
      description = "Configuration file (default: " + Config.FILE_NAME + " in the working directory, if present).")
  Path config;

  @Option(names = "--policy", paramLabel = "PATH[@sha256:HEX]",
      description = "More policies: a directory of .rego (compiled with opa) or a bundle .tar.gz; tfcheck rules "
          + "(package tfcheck.rules.*) or conftest-style (package main: deny, warn, violation). With @sha256:HEX,"
          + " the bundle (or the directory's Rego) must have that hash. Repeatable.")
  List<String> policies = new ArrayList<>();

  @Option(names = "--baseline", paramLabel = "REPORT",
      description = "A JSON report of an earlier run: its FAILs are still reported but no longer fail the run.")
  Path baseline;

  @Option(names = "--today", paramLabel = "YYYY-MM-DD", defaultValue = "${env:TFCHECK_TODAY}", converter = DateConverter.class,
      description = "The date that decides which waivers have expired (default: $TFCHECK_TODAY, else today in UTC).")
  LocalDate today;

  @Option(names = "--allow-empty", description = "Accept a plan with no resources instead of failing closed.")
  boolean allowEmpty;

  @Option(names = "--source-dir", paramLabel = "DIR",
      description = "The Terraform configuration the plans come from (the root module): reports point at the file "
          + "and line of each resource's block, following local module sources.")
  Path sourceDir;

  @Option(names = "--timings", description = "Print where the time went (phases) on stderr.")
  boolean timings;

  @Mixin
  DebugOption debug;

  CheckCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    if (timings) {
      Timings.enable();
    }
    Config cfg;
    try {
      cfg = Config.load(config, Path.of(""));
    } catch (ConfigException e) {
      return Errors.report(io, e.file(), e, debug.debug);
    }
    SourceMap sources = SourceMap.NONE;
    if (sourceDir != null) {
      try {
        sources = SourceMap.scan(sourceDir);
      } catch (SourceException e) {
        return Errors.report(io, e.file(), e, debug.debug);
      }
    }
    List<PolicyBundle> userBundles = new ArrayList<>();
    for (String given : policies) {
      UserPolicies.Pinned pinned = UserPolicies.Pinned.parse(given);
      try {
        userBundles.add(UserPolicies.load(pinned, "opa"));
      } catch (PolicyException e) {
        return Errors.report(io, pinned.path().toString(), e, debug.debug);
      }
    }
    RuleCatalog catalog;
    Set<String> selected;
    Map<Path, ReportFormat> files;
    List<PolicySet> sets = new ArrayList<>();
    try {
      files = outputFiles();
      List<RuleCatalog> catalogs = new ArrayList<>(List.of(BuiltinPolicies.catalog()));
      List<PolicyBundle> ruleBundles = new ArrayList<>(List.of(BuiltinPolicies.bundle()));
      for (PolicyBundle b : userBundles) {
        if (UserPolicies.holdsRules(b)) {
          catalogs.add(UserPolicies.catalog(b));
          ruleBundles.add(b);
        }
      }
      catalog = RuleCatalog.merge(catalogs);
      selected = select(catalog);
      ObjectNode parameters = RulePolicies.parameters(catalog, cfg.parameters());
      for (int i = 0; i < ruleBundles.size(); i++) {
        List<Rule> rules = new ArrayList<>();
        for (Rule r : catalogs.get(i).rules()) {
          if (selected.contains(r.id())) {
            rules.add(r);
          }
        }
        sets.add(new RulePolicies(ruleBundles.get(i), catalogs.get(i), rules, parameters, unknown));
      }
      for (PolicyBundle b : userBundles) {
        if (UserPolicies.holdsConftest(b)) {
          sets.add(new ConftestPolicies(b));
        }
      }
    } catch (UsageError | IllegalArgumentException e) {
      io.err().println("tfcheck: " + (cfg.source() != null && e.getMessage().startsWith("unknown parameter")
          ? cfg.source() + ": " : "") + e.getMessage());
      return ExitCode.ERROR;
    }
    Baseline known;
    try {
      cfg.requireKnownRules(id -> catalog.byId(id).isPresent());
      known = baseline == null ? Baseline.none() : BaselineReport.read(baseline);
    } catch (ConfigException e) {
      return Errors.report(io, e.file(), e, debug.debug);
    }
    Waivers waivers = new Waivers(cfg.waivers(), today != null ? today : LocalDate.now(ZoneOffset.UTC),
        id -> catalog.byId(id).map(Rule::severity).orElse(Severity.HIGH));
    Checker checker = new Checker(sets, waivers, known);
    checker.prefetch();
    Timings.mark("policies and configuration");
    int exit = ExitCode.CLEAN;
    List<CheckResult> checks = new ArrayList<>();
    // the plans' SHA-256 only when a report records it: computing it costs the parse a core's share
    boolean digest = format.recordsPlanDigest() || files.values().stream().anyMatch(ReportFormat::recordsPlanDigest);
    for (PlanRunner.Outcome o : PlanRunner.run(List.copyOf(new LinkedHashSet<>(plans)), new PlanReader(io.in(), digest),
        checker, allowEmpty, debug.debug)) {
      o.messages().forEach(io.err()::println);
      if (o.failed()) {
        exit = ExitCode.ERROR;
        continue;
      }
      checks.add(o.check());
      if (o.check().failsAt(failOn) && exit == ExitCode.CLEAN) {
        exit = ExitCode.FINDINGS;
      }
    }
    for (String unused : Waivers.unused(checks, selected)) {
      io.err().println("tfcheck: " + cfg.source() + ": warning: " + unused + " matched nothing");
    }
    // After an input error the files would describe less than was asked for: do not write them
    // (a CI job uploading a SARIF that misses a plan would close that plan's alerts).
    int written = print(new Run(checks, catalog, sources), exit == ExitCode.ERROR ? Map.of() : files);
    Timings.mark("report");
    if (timings) {
      io.err().println("tfcheck: timings: " + Timings.summary());
    }
    return written == ExitCode.ERROR ? ExitCode.ERROR : exit;
  }

  /** The stdout report, then each --output file. */
  private int print(Run run, Map<Path, ReportFormat> files) {
    io.out().print(format.report().render(run));
    for (Map.Entry<Path, ReportFormat> f : files.entrySet()) {
      try {
        AtomicFiles.write(f.getKey(), f.getValue().report().render(run));
      } catch (IOException e) {
        io.err().println("tfcheck: " + f.getKey() + ": cannot write the report: " + e.getMessage());
        return ExitCode.ERROR;
      }
    }
    return ExitCode.CLEAN;
  }

  /** --output FORMAT=PATH, in the order given; a usage error for a malformed one. */
  private Map<Path, ReportFormat> outputFiles() throws UsageError {
    Map<Path, ReportFormat> files = new LinkedHashMap<>();
    for (String o : outputs) {
      int eq = o.indexOf('=');
      if (eq <= 0 || eq == o.length() - 1) {
        throw new UsageError("--output " + o + ": expected FORMAT=PATH, e.g. --output json=report.json");
      }
      try {
        files.put(Path.of(o.substring(eq + 1)), ReportFormat.of(o.substring(0, eq)));
      } catch (IllegalArgumentException e) {
        throw new UsageError("--output " + o + ": " + e.getMessage());
      }
    }
    return files;
  }

  /** The IDs of the rules to run, after --only and --skip. */
  private Set<String> select(RuleCatalog catalog) throws UsageError {
    Set<String> onlyIds = ids(only, catalog, "--only");
    Set<String> skipIds = ids(skip, catalog, "--skip");
    Set<String> selected = new LinkedHashSet<>();
    for (Rule r : catalog.rules()) {
      if ((onlyIds.isEmpty() || onlyIds.contains(r.id())) && !skipIds.contains(r.id())) {
        selected.add(r.id());
      }
    }
    return selected;
  }

  private static Set<String> ids(List<String> given, RuleCatalog catalog, String option) throws UsageError {
    Set<String> out = new LinkedHashSet<>();
    for (String id : given) {
      String trimmed = id.trim();
      if (catalog.byId(trimmed).isEmpty()) {
        throw new UsageError(option + ": no rule " + trimmed + " (tfcheck rules lists them)");
      }
      out.add(trimmed);
    }
    return out;
  }

  /** {@code --today} (or {@code TFCHECK_TODAY}): an ISO date, so that a run can be repeated on a later day. */
  static final class DateConverter implements ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
      try {
        return LocalDate.parse(value.trim());
      } catch (DateTimeParseException e) {
        throw new TypeConversionException("'" + value + "' is not a date (YYYY-MM-DD)");
      }
    }
  }

  /** A usage error found after parsing: exit 2. */
  static final class UsageError extends Exception {
    private static final long serialVersionUID = 1L;

    UsageError(String message) {
      super(message);
    }
  }
}
