package dev.tfcheck.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tfcheck.Version;
import dev.tfcheck.finding.CheckResult;
import dev.tfcheck.finding.Outcome;
import dev.tfcheck.finding.Result;
import dev.tfcheck.finding.Severity;
import dev.tfcheck.finding.WaiverUse;
import dev.tfcheck.finding.Waivers;
import dev.tfcheck.plan.Address;
import dev.tfcheck.plan.Json;
import dev.tfcheck.policy.Rule;
import dev.tfcheck.source.SourceLocation;
import dev.tfcheck.source.SourceMap;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * SARIF 2.1.0, for code scanning (GitHub's among others) and auditors.
 *
 * <p>One run holds every plan of the invocation, each plan an {@code artifacts} entry that its
 * results name as {@code analysisTarget}: GitHub code scanning rejects an upload with several runs
 * of one tool and category, so a run per plan would make a multi-plan report unusable there.
 *
 * <p>Every result is reported. FAIL is {@code kind: fail} with a {@code level} from the severity
 * (CRITICAL and HIGH error, MEDIUM warning, LOW and INFO note); WAIVED is the same FAIL with an
 * accepted external {@code suppression} whose justification is the waiver's reason; UNKNOWN is
 * {@code kind: review}; PASS is {@code kind: pass}: GitHub shows neither, but an auditor reading the
 * log sees what was checked and held, as the JSON report shows it. Each result has a logical
 * location, the resource address; with {@code --source-dir} also a physical one, the line of its
 * block. Its file is relative to {@code %SRCROOT%}, the directory tfcheck ran in, not to the source
 * directory: GitHub code scanning reads a relative URI as a path from the repository's root and
 * ignores {@code uriBaseId}, and CI runs tfcheck at that root; paths from the source directory
 * would land on the wrong file whenever the root module is not at the repository's root, and could
 * not name the modules beside it. A source directory given absolute gives {@code file:} URIs, which
 * GitHub makes relative to the checkout. The file's text never enters
 * the log (no snippets): a {@code .tf} file can hold a secret that the plan marks sensitive. A FAIL
 * that the {@code --baseline} report already had is {@code baselineState: unchanged}.
 */
public final class SarifReport implements Report {
  static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
  /** Where the project lives; rule help links point at its docs/rules/ pages. */
  static final String INFORMATION_URI = "https://github.com/tfcheck/tfcheck";
  static final String SRCROOT = "%SRCROOT%";
  /** Rule and address (and plan, when a run has several) hashed: stable across runs of the same inputs. */
  static final String FINGERPRINT = "tfcheckRuleAddress/v1";
  /** GitHub code scanning takes no longer rule description; the whole one is on the rule's page (helpUri). */
  static final int DESCRIPTION_LIMIT = 1024;

  @Override
  public String render(Run run) {
    ObjectNode log = Json.nodes().objectNode();
    log.put("$schema", SCHEMA);
    log.put("version", "2.1.0");
    log.putArray("runs").add(run(run));
    return Json.pretty(log);
  }

  private static ObjectNode run(Run run) {
    ObjectNode out = Json.nodes().objectNode();
    List<String> ruleIds = ruleIds(run);
    Map<String, Integer> ruleIndex = new HashMap<>();
    ruleIds.forEach(id -> ruleIndex.put(id, ruleIndex.size()));
    ObjectNode driver = out.putObject("tool").putObject("driver");
    driver.put("name", "tfcheck")
        .put("version", Version.get())
        .put("semanticVersion", Version.get())
        .put("informationUri", INFORMATION_URI);
    ArrayNode rules = driver.putArray("rules");
    for (String id : ruleIds) {
      rules.add(run.catalog().byId(id).map(SarifReport::descriptor).orElseGet(() -> descriptor(id)));
    }
    if (!run.sources().isEmpty()) {
      out.putObject("originalUriBaseIds").putObject(SRCROOT).putObject("description")
          .put("text", "The directory tfcheck ran in (in CI, the repository's root): the .tf files are named from it.");
    }
    ArrayNode artifacts = out.putArray("artifacts");
    ArrayNode results = out.putArray("results");
    Set<CheckResult.Policy> policies = new LinkedHashSet<>();
    boolean severalPlans = run.checks().size() > 1;
    for (int i = 0; i < run.checks().size(); i++) {
      CheckResult check = run.checks().get(i);
      policies.addAll(check.policies());
      ObjectNode artifact = artifacts.addObject();
      planLocation(artifact.putObject("location"), check, -1);
      artifact.putArray("roles").add("analysisTarget");
      artifact.putObject("hashes").put("sha-256", check.plan().sha256());
      List<Result> sorted = new ArrayList<>(check.results());
      sorted.sort(Result.BY_RULE);
      for (Result r : sorted) {
        String title = run.catalog().byId(r.ruleId()).map(Rule::title).orElse(r.ruleId());
        results.add(result(r, ruleIndex.get(r.ruleId()), title, check, i, severalPlans, run.sources()));
      }
    }
    ArrayNode bundles = out.putObject("properties").putArray("policies");
    policies.forEach(p -> bundles.addObject().put("name", p.name()).put("sha256", p.sha256()));
    return out;
  }

  /** The catalog's rules by ID, then any rule a result names that the catalog lacks (conftest's), by ID. */
  private static List<String> ruleIds(Run run) {
    List<String> ids = new ArrayList<>();
    run.catalog().rules().forEach(r -> ids.add(r.id()));
    Set<String> others = new TreeSet<>();
    for (CheckResult c : run.checks()) {
      for (Result r : c.results()) {
        if (run.catalog().byId(r.ruleId()).isEmpty()) {
          others.add(r.ruleId());
        }
      }
    }
    ids.addAll(others);
    return ids;
  }

  private static ObjectNode descriptor(Rule r) {
    ObjectNode d = Json.nodes().objectNode();
    d.put("id", r.id());
    d.put("name", r.key());
    d.putObject("shortDescription").put("text", r.title());
    d.putObject("fullDescription").put("text", upTo(DESCRIPTION_LIMIT, r.description().strip()));
    d.putObject("defaultConfiguration").put("level", level(r.severity()));
    d.put("helpUri", helpUri(r));
    ObjectNode help = d.putObject("help");
    StringBuilder text = new StringBuilder(r.recommendedAction().strip());
    StringBuilder markdown = new StringBuilder(r.recommendedAction().strip());
    if (!r.prefer().isBlank()) {
      text.append("\n\nTerraform to prefer:\n\n").append(r.prefer().strip());
      markdown.append("\n\nTerraform to prefer:\n\n```hcl\n").append(r.prefer().strip()).append("\n```");
    }
    markdown.append("\n\n[").append(r.id()).append(" in the rule reference](").append(helpUri(r)).append(')');
    help.put("text", text.toString());
    help.put("markdown", markdown.toString());
    ObjectNode properties = d.putObject("properties");
    ArrayNode tags = properties.putArray("tags");
    tags.add("security").add("terraform").add(r.tier());
    // The spike's controls are sentences, not identifiers: they stay in the rule's page.
    r.controls().forEach((framework, ids) -> {
      if (!framework.equals("spike")) {
        ids.forEach(id -> tags.add(framework + ":" + id));
      }
    });
    securitySeverity(r.severity()).ifPresent(s -> properties.put("security-severity", s));
    properties.put("severity", r.severity().name());
    return d;
  }

  /**
   * A rule the catalog does not describe (conftest-style policies, expired waivers): what is known
   * of it, in the fields GitHub code scanning requires.
   */
  private static ObjectNode descriptor(String id) {
    String text = id.equals(Waivers.EXPIRED_RULE)
        ? "A waiver in the configuration has expired: what it waived is judged again, and the waiver fails"
        : "Rule " + id + " of a user policy";
    ObjectNode d = Json.nodes().objectNode();
    d.put("id", id);
    d.putObject("shortDescription").put("text", text);
    d.putObject("fullDescription").put("text", text);
    d.putObject("help").put("text", text);
    return d;
  }

  /** The text, or as many of its words as fit in {@code limit} characters with an ellipsis. */
  static String upTo(int limit, String text) {
    if (text.length() <= limit) {
      return text;
    }
    int cut = text.lastIndexOf(' ', limit - 1);
    return text.substring(0, cut > 0 ? cut : limit - 1) + "…";
  }

  /** The rule's page in the repository, as a link. */
  static String helpUri(Rule r) {
    return INFORMATION_URI + "/blob/main/" + r.docsPath();
  }

  /** One result; {@code title} is its message when the rule gives none (a PASS). */
  private static ObjectNode result(Result r, int ruleIndex, String title, CheckResult check, int planIndex, boolean severalPlans,
      SourceMap sources) {
    ObjectNode out = Json.nodes().objectNode();
    out.put("ruleId", r.ruleId());
    out.put("ruleIndex", ruleIndex);
    switch (r.outcome()) {
      case FAIL, WAIVED -> out.put("kind", "fail").put("level", level(r.severity()));
      case UNKNOWN -> out.put("kind", "review").put("level", "none");
      case PASS -> out.put("kind", "pass").put("level", "none");
    }
    out.putObject("message").put("text", r.message().isEmpty() ? title : r.message());
    ObjectNode location = out.putArray("locations").addObject();
    sources.locate(r.address()).ifPresent(at -> physical(location.putObject("physicalLocation"), at));
    ObjectNode logical = location.putArray("logicalLocations").addObject();
    logical.put("name", localName(r.address()));
    logical.put("fullyQualifiedName", r.address());
    logical.put("kind", "resource");
    planLocation(out.putObject("analysisTarget"), check, planIndex);
    out.putObject("partialFingerprints").put(FINGERPRINT,
        sha256(r.ruleId() + "\n" + r.address() + (severalPlans ? "\n" + check.plan().source() : "")));
    if (r.outcome() == Outcome.WAIVED) {
      ObjectNode suppression = out.putArray("suppressions").addObject().put("kind", "external").put("status", "accepted");
      waiverOf(r, check).ifPresent(w -> suppression.put("justification", w.waiver().reason())
          .putObject("properties").put("owner", w.waiver().owner()).put("expires", w.waiver().expires().toString()));
    }
    if (r.baseline()) {
      out.put("baselineState", "unchanged");
    }
    ObjectNode properties = out.putObject("properties");
    properties.put("outcome", r.outcome().name());
    properties.put("severity", r.severity().name());
    if (!r.path().isEmpty()) {
      properties.put("attribute", r.path());
    }
    return out;
  }

  /** The waiver that turned this result into WAIVED: the first in the file that lists its address. */
  private static Optional<WaiverUse> waiverOf(Result r, CheckResult check) {
    for (WaiverUse use : check.waivers()) {
      if (use.status() == WaiverUse.Status.APPLIED && use.waiver().rule().equals(r.ruleId())
          && use.waived().contains(r.address())) {
        return Optional.of(use);
      }
    }
    return Optional.empty();
  }

  private static void physical(ObjectNode physical, SourceLocation at) {
    Path file = Path.of(at.file());
    if (file.isAbsolute()) {
      physical.putObject("artifactLocation").put("uri", file.toUri().toASCIIString());
    } else {
      physical.putObject("artifactLocation").put("uri", relativeUri(at.file())).put("uriBaseId", SRCROOT);
    }
    physical.putObject("region").put("startLine", at.line());
  }

  /** The plan, by the path the user gave (standard input has none); {@code index} into artifacts when >= 0. */
  private static void planLocation(ObjectNode location, CheckResult check, int index) {
    String source = check.plan().source();
    if (source.equals("-")) {
      location.putObject("description").put("text", "standard input");
    } else {
      Path path = Path.of(source);
      location.put("uri", path.isAbsolute() ? path.toUri().toASCIIString() : relativeUri(source));
    }
    if (index >= 0) {
      location.put("index", index);
    }
  }

  /**
   * A relative path as a relative URI reference: {@code /} separators, characters URIs cannot hold
   * percent-encoded, and {@code ./} before a first segment with a colon, which would read as a scheme.
   */
  static String relativeUri(String path) {
    String slashed = path.replace('\\', '/');
    int colon = slashed.indexOf(':');
    if (colon >= 0 && (slashed.indexOf('/') < 0 || colon < slashed.indexOf('/'))) {
      slashed = "./" + slashed;
    }
    try {
      return new URI(null, null, slashed, null).toASCIIString();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a path: " + path, e);
    }
  }

  /** {@code aws_rds_cluster.this[0]} of {@code module.db.aws_rds_cluster.this[0]}; an address that is not a resource's, whole. */
  private static String localName(String address) {
    try {
      Address parsed = Address.parse(address);
      String module = parsed.module();
      return module.isEmpty() ? address : address.substring(module.length() + 1);
    } catch (IllegalArgumentException e) {
      return address;
    }
  }

  static String level(Severity s) {
    return switch (s) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "note";
    };
  }

  /**
   * GitHub code scanning reads {@code security-severity} as a CVSS-like score: over 9.0 critical,
   * 7.0 to 8.9 high, 4.0 to 6.9 medium, 0.1 to 3.9 low. INFO is no security finding: none.
   */
  static Optional<String> securitySeverity(Severity s) {
    return switch (s) {
      case CRITICAL -> Optional.of("9.5");
      case HIGH -> Optional.of("8.0");
      case MEDIUM -> Optional.of("5.5");
      case LOW -> Optional.of("2.0");
      case INFO -> Optional.empty();
    };
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
