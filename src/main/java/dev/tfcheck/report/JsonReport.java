package dev.tfcheck.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tfcheck.Version;
import dev.tfcheck.finding.CheckResult;
import dev.tfcheck.finding.Result;
import dev.tfcheck.finding.Summary;
import dev.tfcheck.finding.WaiverUse;
import dev.tfcheck.plan.Json;

/**
 * The machine-readable report: every (rule, resource) result, PASS included (the evidence a
 * compliance report needs), sorted by rule then address.
 */
public final class JsonReport implements Report {
  /** The version of this document's shape. */
  public static final String SCHEMA_VERSION = "1.1";

  /** One plan: the document; several: a JSON array of them, in the order given. */
  @Override
  public String render(Run run) {
    if (run.checks().size() == 1) {
      return Json.pretty(of(run.checks().get(0)));
    }
    ArrayNode all = Json.nodes().arrayNode();
    run.checks().forEach(c -> all.add(of(c)));
    return Json.pretty(all);
  }

  public static ObjectNode of(CheckResult check) {
    ObjectNode doc = Json.nodes().objectNode();
    doc.put("schema_version", SCHEMA_VERSION);
    doc.putObject("tool").put("name", "tfcheck").put("version", Version.get());
    doc.putObject("plan")
        .put("path", check.plan().source())
        .put("sha256", check.plan().sha256())
        .put("terraform_version", check.plan().terraformVersion())
        .put("format_version", check.plan().formatVersion());
    ArrayNode policies = doc.putArray("policies");
    for (CheckResult.Policy p : check.policies()) {
      policies.addObject().put("name", p.name()).put("sha256", p.sha256());
    }
    ArrayNode results = doc.putArray("results");
    for (Result r : check.results()) {
      ObjectNode result = results.addObject()
          .put("rule_id", r.ruleId())
          .put("severity", r.severity().name())
          .put("address", r.address())
          .put("outcome", r.outcome().name())
          .put("path", r.path())
          .put("message", r.message());
      if (r.baseline()) {
        // Only on the FAILs a --baseline report already had: absent means new.
        result.put("baseline", true);
      }
    }
    ArrayNode waivers = doc.putArray("waivers");
    for (WaiverUse u : check.waivers()) {
      ObjectNode w = waivers.addObject()
          .put("rule", u.waiver().rule())
          .put("address", u.waiver().address())
          .put("reason", u.waiver().reason())
          .put("owner", u.waiver().owner())
          .put("expires", u.waiver().expires().toString())
          .put("status", u.status().name());
      ArrayNode waived = w.putArray("waived");
      u.waived().forEach(waived::add);
    }
    Summary s = check.summary();
    doc.putObject("summary")
        .put("failed", s.failed())
        .put("baseline", s.baseline())
        .put("unknown", s.unknown())
        .put("passed", s.passed())
        .put("waived", s.waived())
        .put("resources", s.resources())
        .put("rules", s.rules());
    return doc;
  }
}
