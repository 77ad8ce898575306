package dev.tfcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.tfcheck.Fixtures;
import dev.tfcheck.finding.Severity;
import dev.tfcheck.plan.Json;
import dev.tfcheck.policy.Rule;
import dev.tfcheck.source.SourceMap;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

/**
 * The SARIF report: valid against the OASIS SARIF 2.1.0 schema (src/test/resources/sarif/, with its
 * license), rules described from METADATA, results located on the .tf lines of the reference plans.
 */
class SarifReportTest {
  private static final String INSECURE = "reference-terraform/examples/insecure/";
  private static Schema schema;

  @BeforeAll
  static void loadSchema() throws Exception {
    try (InputStream in = SarifReportTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
    }
  }

  static List<ReportCases.Case> cases() {
    return ReportCases.ALL;
  }

  @ParameterizedTest
  @MethodSource("cases")
  void validatesAgainstTheSarifSchemaWithAndWithoutSourceLocations(ReportCases.Case c) throws Exception {
    assertEquals(List.of(), errors(sarif(ReportCases.run(c))));
    assertEquals(List.of(), errors(sarif(ReportCases.runWithoutSources(c))));
  }

  @Test
  void theSchemaRejectsWhatIsNotSarif() throws Exception {
    ObjectNode wrongLevel = sarif(ReportCases.run(ReportCases.INSECURE));
    ((ObjectNode) wrongLevel.at("/runs/0/results/0")).put("level", "fatal");
    assertEquals(List.of("/runs/0/results/0/level"), instanceLocations(errors(wrongLevel)));
    ObjectNode noVersion = sarif(ReportCases.run(ReportCases.INSECURE));
    noVersion.remove("version");
    assertFalse(errors(noVersion).isEmpty());
  }

  @Test
  void insecurePlanResultsPointAtTheirTfLines() throws Exception {
    JsonNode run = sarif(ReportCases.run(ReportCases.INSECURE)).at("/runs/0");
    Map<String, String> where = new TreeMap<>();
    for (JsonNode r : run.path("results")) {
      JsonNode location = r.at("/locations/0");
      String key = r.path("ruleId").asText() + " " + location.at("/logicalLocations/0/fullyQualifiedName").asText();
      if (key.endsWith(" (plan)")) {
        assertFalse(location.has("physicalLocation"), key + ": a plan-wide result is in no .tf file");
        continue;
      }
      JsonNode physical = location.path("physicalLocation");
      assertEquals("%SRCROOT%", physical.at("/artifactLocation/uriBaseId").asText(), key);
      where.put(key, physical.at("/artifactLocation/uri").asText() + ":" + physical.at("/region/startLine").asInt());
    }
    assertEquals(INSECURE + "modules/rds-aurora-v2/main.tf:23", where.get("TFC-RDS-008 module.wagtail_rds_instance.aws_rds_cluster.this[0]"));
    assertEquals(INSECURE + "modules/rds-aurora-v2/main.tf:121",
        where.get("TFC-NET-001 module.wagtail_rds_instance.aws_security_group_rule.cidr_ingress[0]"));
    assertEquals(INSECURE + "modules/rds-aurora-v2/main.tf:53",
        where.get("TFC-RDS-015 module.wagtail_rds_instance.aws_rds_cluster_instance.this[0]"));
    assertEquals(INSECURE + "main.tf:171", where.get("TFC-ECS-003 aws_ecs_task_definition.wagtail"));
    assertEquals(INSECURE + "main.tf:98", where.get("TFC-ECR-001 aws_ecr_repository.wagtail"));
    assertEquals(INSECURE + "main.tf:66", where.get("TFC-SSM-001 aws_ssm_parameter.db_password"));
    assertEquals(INSECURE + "main.tf:75", where.get("TFC-IAM-001 aws_iam_policy.wagtail_rds_connect"));
    assertTrue(run.has("originalUriBaseIds"));
  }

  @Test
  void aFailIsAnErrorWithItsLocationsAndFingerprint() throws Exception {
    JsonNode result = result(ReportCases.run(ReportCases.INSECURE), "TFC-RDS-008",
        "module.wagtail_rds_instance.aws_rds_cluster.this[0]");
    JSONAssert.assertEquals("""
        {"ruleId": "TFC-RDS-008", "ruleIndex": %d, "kind": "fail", "level": "error",
         "message": {"text": "db_cluster_parameter_group_name is \\"default\\", a default group that does not force TLS: use an aws_rds_cluster_parameter_group that sets rds.force_ssl = 1"},
         "locations": [{
           "physicalLocation": {"artifactLocation": {"uri": "reference-terraform/examples/insecure/modules/rds-aurora-v2/main.tf", "uriBaseId": "%%SRCROOT%%"},
                                "region": {"startLine": 23}},
           "logicalLocations": [{"name": "aws_rds_cluster.this[0]",
                                 "fullyQualifiedName": "module.wagtail_rds_instance.aws_rds_cluster.this[0]", "kind": "resource"}]}],
         "analysisTarget": {"uri": "fixtures/reference/insecure.plan.json", "index": 0},
         "partialFingerprints": {"tfcheckRuleAddress/v1": "%s"},
         "properties": {"outcome": "FAIL", "severity": "HIGH", "attribute": "db_cluster_parameter_group_name"}}
        """.formatted(ruleIndex("TFC-RDS-008"), sha256("TFC-RDS-008\nmodule.wagtail_rds_instance.aws_rds_cluster.this[0]")),
        result.toString(), JSONCompareMode.STRICT);
  }

  @Test
  void unknownIsForReviewPassIsEvidenceAndWaivedIsSuppressed() throws Exception {
    Run run = ReportCases.run(ReportCases.VIOLATIONS);
    JsonNode unknown = result(run, "TFC-ALB-001", "aws_lb_listener.https_policy_at_apply");
    assertEquals("review none UNKNOWN", kind(unknown));
    JsonNode pass = result(run, "TFC-RDS-001", "module.aurora[\"no_tag_copy\"].aws_rds_cluster.this");
    assertEquals("pass none PASS", kind(pass));
    assertEquals("RDS storage is encrypted", pass.at("/message/text").asText());
    JsonNode waived = result(run, "TFC-RDS-001", "module.aurora[\"unencrypted\"].aws_rds_cluster.this");
    assertEquals("fail error WAIVED", kind(waived));
    JSONAssert.assertEquals("""
        [{"kind": "external", "status": "accepted", "justification": "Throwaway migration cluster, deleted after cut-over",
          "properties": {"owner": "data-team", "expires": "2030-06-30"}}]
        """, waived.path("suppressions").toString(), JSONCompareMode.STRICT);
    JsonNode waivedUnknown = result(run, "TFC-RDS-015", "module.aurora[\"decided_at_apply\"].aws_rds_cluster_instance.this[1]");
    assertEquals("Instance class follows the capacity plan, decided at apply",
        waivedUnknown.at("/suppressions/0/justification").asText());
    JsonNode expired = result(run, "TFC-WAIVER-EXPIRED", "aws_s3_bucket.partial_public_access_block");
    assertEquals("fail error FAIL", kind(expired));
    assertFalse(expired.has("suppressions"));
  }

  @Test
  void everyRuleIsDescribedFromItsMetadata() throws Exception {
    JsonNode rules = sarif(ReportCases.run(ReportCases.INSECURE)).at("/runs/0/tool/driver/rules");
    Map<Severity, String> levels = Map.of(Severity.CRITICAL, "error 9.5", Severity.HIGH, "error 8.0",
        Severity.MEDIUM, "warning 5.5", Severity.LOW, "note 2.0");
    List<Rule> catalog = new ArrayList<>(ReportCases.catalog().rules());
    assertEquals(catalog.size(), rules.size());
    int cut = 0;
    for (int i = 0; i < catalog.size(); i++) {
      Rule r = catalog.get(i);
      JsonNode d = rules.get(i);
      assertEquals(r.id(), d.path("id").asText());
      assertEquals(r.key(), d.path("name").asText());
      assertEquals(r.title(), d.at("/shortDescription/text").asText());
      String description = d.at("/fullDescription/text").asText();
      String whole = r.description().strip();
      if (whole.length() <= 1024) {
        assertEquals(whole, description, r.id());
      } else {
        String kept = description.substring(0, description.length() - 1);
        assertTrue(description.length() <= 1024 && description.endsWith("…") && whole.startsWith(kept + " "),
            r.id() + ": cut at a word to GitHub's limit of 1024 characters: " + description);
        cut++;
      }
      assertEquals("https://github.com/tfcheck/tfcheck/blob/main/docs/rules/" + r.id() + ".md", d.path("helpUri").asText());
      assertEquals(levels.get(r.severity()),
          d.at("/defaultConfiguration/level").asText() + " " + d.at("/properties/security-severity").asText(), r.id());
      assertTrue(d.at("/help/text").asText().startsWith(r.recommendedAction().strip() + "\n\nTerraform to prefer:\n\n"), r.id());
      assertTrue(d.at("/help/markdown").asText().contains("```hcl\n" + r.prefer().strip() + "\n```"), r.id());
      List<String> tags = new ArrayList<>();
      d.at("/properties/tags").forEach(t -> tags.add(t.asText()));
      assertEquals(List.of("security", "terraform", r.tier()), tags.subList(0, 3), r.id());
    }
    assertTrue(cut > 0, "some rule's description is longer than GitHub takes: the cut is tested");
    JsonNode rds001 = rules.get(catalog.indexOf(ReportCases.catalog().byId("TFC-RDS-001").orElseThrow()));
    assertEquals("[\"security\",\"terraform\",\"spike\",\"checkov:CKV_AWS_96\",\"fsbp:RDS.27\",\"trivy:AVD-AWS-0079\"]",
        rds001.at("/properties/tags").toString());
  }

  @Test
  void withoutSourceDirEveryLocationIsTheAddress() throws Exception {
    JsonNode run = sarif(ReportCases.runWithoutSources(ReportCases.INSECURE)).at("/runs/0");
    assertFalse(run.has("originalUriBaseIds"));
    for (JsonNode r : run.path("results")) {
      assertEquals("[\"logicalLocations\"]", fieldNames(r.at("/locations/0")));
    }
    assertEquals("module.wagtail_rds_instance.aws_rds_cluster.this[0]",
        result(ReportCases.runWithoutSources(ReportCases.INSECURE), "TFC-RDS-008",
            "module.wagtail_rds_instance.aws_rds_cluster.this[0]").at("/locations/0/logicalLocations/0/fullyQualifiedName").asText());
  }

  @Test
  void relativePathsAreRelativeUriReferences() {
    assertEquals("plans/prod%20eu/plan.json", SarifReport.relativeUri("plans/prod eu/plan.json"));
    assertEquals("../modules/db/main.tf", SarifReport.relativeUri("../modules/db/main.tf"));
    assertEquals("./c:plans/plan.json", SarifReport.relativeUri("c:plans/plan.json"));
    assertEquals("plans/a:b.json", SarifReport.relativeUri("plans/a:b.json"));
  }

  @Test
  void aSourceDirGivenAbsoluteGivesFileUris() throws Exception {
    Path dir = Fixtures.path("reference-terraform/examples/insecure");
    Run run = new Run(List.of(ReportCases.check(ReportCases.INSECURE)), ReportCases.catalog(), SourceMap.scan(dir));
    JsonNode artifact = result(run, "TFC-ECS-003", "aws_ecs_task_definition.wagtail").at("/locations/0/physicalLocation");
    assertEquals(Json.nodes().objectNode().put("uri", dir.resolve("main.tf").toUri().toASCIIString()),
        artifact.path("artifactLocation"));
    assertEquals(171, artifact.at("/region/startLine").asInt());
  }

  @Test
  void fingerprintsAreDistinctAndDoNotDependOnLocations() throws Exception {
    List<String> located = fingerprints(sarif(ReportCases.run(ReportCases.INSECURE)));
    assertEquals(located.size(), new HashSet<>(located).size());
    assertEquals(located, fingerprints(sarif(ReportCases.runWithoutSources(ReportCases.INSECURE))));
  }

  @Test
  void severalPlansShareOneRunAndEachResultNamesItsPlan() throws Exception {
    Run both = new Run(List.of(ReportCases.check(ReportCases.WAGTAIL), ReportCases.check(ReportCases.INSECURE)),
        ReportCases.catalog());
    ObjectNode log = sarif(both);
    assertEquals(List.of(), errors(log));
    assertEquals(1, log.path("runs").size());
    JsonNode run = log.at("/runs/0");
    assertEquals("fixtures/reference/wagtail.plan.json fixtures/reference/insecure.plan.json",
        run.at("/artifacts/0/location/uri").asText() + " " + run.at("/artifacts/1/location/uri").asText());
    assertEquals(ReportCases.check(ReportCases.INSECURE).plan().sha256(), run.at("/artifacts/1/hashes/sha-256").asText());
    int wagtail = ReportCases.check(ReportCases.WAGTAIL).results().size();
    int insecure = ReportCases.check(ReportCases.INSECURE).results().size();
    int[] perPlan = new int[2];
    Set<String> rulesAndAddresses = new HashSet<>();
    int repeated = 0;
    for (JsonNode r : run.path("results")) {
      perPlan[r.at("/analysisTarget/index").asInt()]++;
      if (!rulesAndAddresses.add(r.path("ruleId").asText() + " " + r.at("/locations/0/logicalLocations/0/fullyQualifiedName"))) {
        repeated++;
      }
    }
    assertEquals(wagtail + " " + insecure, perPlan[0] + " " + perPlan[1]);
    assertTrue(repeated > 0, "both plans have results for the same rule and address: the case the fingerprint must tell apart");
    List<String> fingerprints = fingerprints(log);
    assertEquals(fingerprints.size(), new HashSet<>(fingerprints).size());
  }

  private static ObjectNode sarif(Run run) throws Exception {
    return (ObjectNode) Json.MAPPER.readTree(ReportFormat.SARIF.report().render(run));
  }

  private static List<Error> errors(JsonNode sarif) {
    return schema.validate(sarif);
  }

  private static List<String> instanceLocations(List<Error> errors) {
    List<String> out = new ArrayList<>();
    errors.forEach(e -> out.add(e.getInstanceLocation().toString().replaceFirst("^\\$", "").replaceAll("\\.", "/")
        .replaceAll("\\[(\\d+)]", "/$1")));
    return out;
  }

  private static JsonNode result(Run run, String ruleId, String address) throws Exception {
    for (JsonNode r : sarif(run).at("/runs/0/results")) {
      if (r.path("ruleId").asText().equals(ruleId)
          && r.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText().equals(address)) {
        return r;
      }
    }
    throw new AssertionError("no result " + ruleId + " " + address);
  }

  private static String kind(JsonNode result) {
    return result.path("kind").asText() + " " + result.path("level").asText() + " " + result.at("/properties/outcome").asText();
  }

  private static int ruleIndex(String id) {
    return new ArrayList<>(ReportCases.catalog().rules()).indexOf(ReportCases.catalog().byId(id).orElseThrow());
  }

  private static List<String> fingerprints(JsonNode sarif) {
    List<String> out = new ArrayList<>();
    sarif.at("/runs/0/results").forEach(r -> out.add(r.at("/partialFingerprints/tfcheckRuleAddress~1v1").asText()));
    return out;
  }

  private static String fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return Json.compact(Json.MAPPER.valueToTree(names));
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
