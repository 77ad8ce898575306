package dev.tfcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfcheck.Fixtures;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;

/**
 * --policy end to end: a team's rules written to tfcheck's protocol and a conftest-style policy,
 * both compiled from directories with opa, beside the built-in rules.
 */
class UserPoliciesTest {
  private static String fixture(String path) {
    return Fixtures.path(path).toString();
  }

  private static JSONArray resultsNotBuiltIn(String json) throws Exception {
    JSONArray out = new JSONArray();
    JSONArray results = new JSONObject(json).getJSONArray("results");
    for (int i = 0; i < results.length(); i++) {
      JSONObject r = results.getJSONObject(i);
      if (!r.getString("rule_id").startsWith("TFC-")) {
        out.put(r);
      }
    }
    return out;
  }

  @Test
  void teamRulesAndConftestPoliciesRunBesideTheBuiltIns() throws Exception {
    Invocation run = Invocation.of("check", "--format", "json",
        "--policy", fixture("fixtures/policies/team-rules"),
        "--policy", fixture("fixtures/policies/conftest"),
        fixture("fixtures/reference/wagtail.plan.json"));
    assertEquals("", run.err());
    assertEquals(1, run.exit(), "the conftest deny fails the run");
    JSONAssert.assertEquals("""
        [
          {"rule_id": "TEAM-S3-001", "severity": "MEDIUM", "outcome": "FAIL", "path": "tags_all",
           "address": "module.edge.module.access_logs.aws_s3_bucket.this", "message": "the bucket has no Owner tag"},
          {"rule_id": "TEAM-S3-001", "severity": "MEDIUM", "outcome": "FAIL", "path": "tags_all",
           "address": "module.storage.module.bucket.aws_s3_bucket.this", "message": "the bucket has no Owner tag"},
          {"rule_id": "main.deny", "severity": "HIGH", "outcome": "FAIL", "path": "", "address": "(plan)",
           "message": "module.edge.module.access_logs.aws_s3_bucket.this has no CostCentre tag"},
          {"rule_id": "main.deny", "severity": "HIGH", "outcome": "FAIL", "path": "", "address": "(plan)",
           "message": "module.storage.module.bucket.aws_s3_bucket.this has no CostCentre tag"},
          {"rule_id": "main.warn", "severity": "INFO", "outcome": "PASS", "path": "", "address": "(plan)", "message": ""}
        ]""", resultsNotBuiltIn(run.out()), true);
    JSONArray policies = new JSONObject(run.out()).getJSONArray("policies");
    assertEquals("built-in policies", policies.getJSONObject(0).getString("name"));
    assertEquals(fixture("fixtures/policies/team-rules"), policies.getJSONObject(1).getString("name"));
    assertEquals(fixture("fixtures/policies/conftest"), policies.getJSONObject(2).getString("name"));
  }

  @Test
  void userRulesAreSelectableAndExplainedLikeBuiltIns() {
    Invocation run = Invocation.of("check", "--only", "TEAM-S3-001", "--policy", fixture("fixtures/policies/team-rules"),
        fixture("fixtures/reference/wagtail.plan.json"));
    assertEquals(1, run.exit(), run.err());
    assertTrue(run.out().contains("FAIL TEAM-S3-001 [MEDIUM] module.storage.module.bucket.aws_s3_bucket.this\n"
        + "  Buckets name their owning team\n  the bucket has no Owner tag\n"), run.out());
    assertTrue(run.out().endsWith("2 failed, 0 unknown, 0 passed, 0 waived (135 resources, 1 rule)\n"), run.out());
  }

  @Test
  void aPinnedPolicyMustHaveItsHash() throws Exception {
    String dir = fixture("fixtures/policies/team-rules");
    String json = Invocation.of("check", "--format", "json", "--only", "TEAM-S3-001", "--policy", dir,
        fixture("fixtures/reference/wagtail.plan.json")).out();
    String sha = new JSONObject(json).getJSONArray("policies").getJSONObject(1).getString("sha256");
    Invocation pinned = Invocation.of("check", "--only", "TEAM-S3-001", "--policy", dir + "@sha256:" + sha,
        fixture("fixtures/reference/wagtail.plan.json"));
    assertEquals(1, pinned.exit(), pinned.err());
    String wrong = "0".repeat(64);
    assertEquals(new Invocation(2, "", "tfcheck: " + dir + ": checksum mismatch: expected sha256:" + wrong
            + ", found sha256:" + sha + " (the policy changed, or the pin is wrong)\n"),
        Invocation.of("check", "--policy", dir + "@sha256:" + wrong, fixture("fixtures/reference/wagtail.plan.json")));
  }

  @Test
  void aPolicyThatDoesNotCompileIsOneLineAndExit2() {
    String dir = fixture("fixtures/policies/broken");
    Invocation run = Invocation.of("check", "--policy", dir, fixture("fixtures/reference/wagtail.plan.json"));
    assertEquals(new Invocation(2, "", "tfcheck: " + dir + ": does not compile: " + dir
        + "/bad.rego:5: rego_parse_error: unexpected } token: expected [\n"), run);
  }

  @Test
  void conftestPoliciesNeverSeeASensitiveValue() {
    Invocation run = Invocation.of("check", "--format", "json", "--policy", fixture("fixtures/policies/leaky"),
        fixture("fixtures/model/modules.plan.json"));
    assertEquals(1, run.exit(), run.err());
    assertTrue(run.out().contains("variable db_password = \\\"(sensitive)\\\""), run.out());
    assertFalse(run.out().contains("canary-7f3a9c"), "the sensitive variable's value reached the report");
  }
}
