package dev.tfcheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfcheck.Fixtures;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The model of fixtures/model/modules.plan.json, a real plan of fixtures/model/modules-src/: a root
 * module calling module.db once and module.svc with for_each.
 */
class ModelBuilderTest {
  private static final Model MODEL = Fixtures.model("fixtures/model/modules.plan.json");

  private static Resource resource(String address) {
    Resource r = MODEL.resources().get(address);
    if (r == null) {
      throw new AssertionError("no resource " + address + " in " + MODEL.resources().keySet());
    }
    return r;
  }

  private static Set<Ref> refs(String address, String path) {
    return resource(address).refs(path);
  }

  @Test
  void everyInstanceByFullAddressIncludingDataSourcesReadDuringPlan() {
    assertEquals(List.of(
        "aws_iam_role_policy.api_only",
        "aws_kms_key.app",
        "aws_route_table.private",
        "aws_route_table_association.second",
        "aws_subnet.private[0]",
        "aws_subnet.private[1]",
        "aws_vpc.this",
        "module.db.aws_db_subnet_group.this",
        "module.db.aws_rds_cluster.this",
        "module.db.aws_rds_cluster_instance.this[0]",
        "module.db.aws_rds_cluster_instance.this[1]",
        "module.svc[\"api\"].aws_iam_role.this",
        "module.svc[\"api\"].aws_iam_role_policy.db",
        "module.svc[\"api\"].aws_iam_role_policy_attachment.readonly",
        "module.svc[\"api\"].data.aws_iam_policy_document.assume",
        "module.svc[\"api\"].data.aws_iam_policy_document.db",
        "module.svc[\"worker\"].aws_iam_role.this",
        "module.svc[\"worker\"].aws_iam_role_policy.db",
        "module.svc[\"worker\"].aws_iam_role_policy_attachment.readonly",
        "module.svc[\"worker\"].data.aws_iam_policy_document.assume",
        "module.svc[\"worker\"].data.aws_iam_policy_document.db"),
        List.copyOf(MODEL.resources().keySet()));
    assertEquals(List.of("no-op"), resource("module.svc[\"api\"].data.aws_iam_policy_document.assume").actions());
    assertEquals(List.of("read"), resource("module.svc[\"api\"].data.aws_iam_policy_document.db").actions());
    assertEquals(List.of("create"), resource("aws_kms_key.app").actions());
  }

  @Test
  void variableResolvedIntoTheCallingModule() {
    assertEquals(Set.of(new Ref("aws_kms_key.app", "aws_kms_key", "arn")),
        refs("module.db.aws_rds_cluster.this", "kms_key_id"));
    assertEquals(new TreeSet<>(List.of(new Resource.Backref("module.db.aws_rds_cluster.this", "aws_rds_cluster", "kms_key_id"))),
        resource("aws_kms_key.app").referencedBy());
  }

  @Test
  void countSplatFansOutToEveryInstance() {
    assertEquals(Set.of(new Ref("aws_subnet.private[0]", "aws_subnet", ""), new Ref("aws_subnet.private[1]", "aws_subnet", "")),
        refs("module.db.aws_db_subnet_group.this", "subnet_ids"));
  }

  @Test
  void indexedReferenceNamesOneInstance() {
    assertEquals(Set.of(new Ref("aws_subnet.private[1]", "aws_subnet", "id")),
        refs("aws_route_table_association.second", "subnet_id"));
  }

  @Test
  void keyedModuleOutputNamesOneModuleInstance() {
    assertEquals(Set.of(new Ref("module.svc[\"api\"].aws_iam_role.this", "aws_iam_role", "name")),
        refs("aws_iam_role_policy.api_only", "role"));
  }

  @Test
  void moduleOutputThroughForEachVariableIntoAnotherModule() {
    // module.svc[*].var.db_arn = module.db.cluster_arn = module.db.aws_rds_cluster.this.arn
    Resource doc = resource("module.svc[\"worker\"].data.aws_iam_policy_document.db");
    assertEquals(Set.of(new Ref("module.db.aws_rds_cluster.this", "aws_rds_cluster", "arn")),
        doc.refs("statement.0.resources"));
  }

  @Test
  void referencesToLocalsVariablesAndEachAreUnresolved() {
    assertEquals(Set.of("local.tags"), resource("aws_kms_key.app").expressions().get("tags").unresolved());
    assertEquals(Set.of("each.key"), resource("module.svc[\"api\"].aws_iam_role.this").expressions().get("name").unresolved());
  }

  @Test
  void configuredVersusComputed() {
    Resource cluster = resource("module.db.aws_rds_cluster.this");
    assertTrue(cluster.expressions().get("storage_encrypted").constant());
    assertFalse(cluster.expressions().containsKey("deletion_protection"), "not configured: the provider's default");
    assertFalse(cluster.expressions().containsKey("backup_retention_period"));
    assertTrue(cluster.isUnknown("backup_retention_period"), "unset Optional+Computed shows as unknown");
    assertEquals("true", cluster.value("storage_encrypted").asText());
    assertNull(cluster.value("arn"));
  }

  @Test
  void sensitiveValuesAreMaskedAndListed() {
    Resource cluster = resource("module.db.aws_rds_cluster.this");
    assertEquals("(sensitive)", cluster.values().get("master_password").asText());
    assertTrue(cluster.sensitive().contains("master_password"));
    assertTrue(cluster.expressions().get("master_password").refs().isEmpty());
    assertEquals(Set.of("var.db_password"), cluster.expressions().get("master_password").unresolved());
  }

  @Test
  void clusterInstancesByReference() {
    assertEquals(Set.of("module.db.aws_rds_cluster_instance.this[0]", "module.db.aws_rds_cluster_instance.this[1]"),
        resource("module.db.aws_rds_cluster.this").clusterInstances());
  }

  @Test
  void nestedBlocksAreConfiguredPaths() {
    Resource doc = resource("module.svc[\"api\"].data.aws_iam_policy_document.db");
    assertTrue(doc.expressions().get("statement.1").block());
    assertTrue(doc.expressions().get("statement.1.condition.0").block());
    assertTrue(doc.expressions().get("statement.1.condition.0.values").constant());
  }

  @Test
  void effectivePoliciesOfEachRoleInstance() {
    Role api = MODEL.roles().get("module.svc[\"api\"].aws_iam_role.this");
    assertEquals("svc-api", api.name());
    assertEquals(List.of("role_policy aws_iam_role_policy.api_only",
            "role_policy module.svc[\"api\"].aws_iam_role_policy.db",
            "aws_managed AmazonS3ReadOnlyAccess"),
        api.policies().stream().map(p -> p.kind() + " " + (p.address() != null ? p.address() : p.name())).toList());
    Role worker = MODEL.roles().get("module.svc[\"worker\"].aws_iam_role.this");
    assertEquals(List.of("role_policy module.svc[\"worker\"].aws_iam_role_policy.db", "aws_managed AmazonS3ReadOnlyAccess"),
        worker.policies().stream().map(p -> p.kind() + " " + (p.address() != null ? p.address() : p.name())).toList());
  }

  @Test
  void unknownPolicyJsonTakesTheReferencedDocumentsStatements() {
    PolicyDocument doc = resource("module.svc[\"api\"].aws_iam_role_policy.db").policyDocuments().get(0);
    assertEquals(PolicyDocument.REFERENCE, doc.source());
    assertEquals(List.of("module.svc[\"api\"].data.aws_iam_policy_document.db"), doc.from());
    assertEquals(2, doc.statements().size());
    Statement allow = doc.statements().get(0);
    assertEquals("Db", allow.sid());
    assertEquals(List.of("rds:describedbclusters"), allow.actions());
    assertEquals(List.of(), allow.resources());
    assertEquals(Set.of("resources"), allow.unknown());
    assertEquals(List.of(new Statement.FieldRef("resources", new Ref("module.db.aws_rds_cluster.this", "aws_rds_cluster", "arn"))),
        allow.refs());
    Statement deny = doc.statements().get(1);
    assertEquals(new Statement(null, "Deny", null, List.of("s3:*"), List.of("*"), null, null, null,
        List.of(new Statement.Condition("Bool", "aws:SecureTransport", List.of("false"))), new TreeSet<>(), List.of()), deny);
  }

  @Test
  void aPathIsCoveredByItselfAndItsParentsOnly() {
    TreeSet<String> unknown = new TreeSet<>(List.of("tags", "ingress.0.cidr_blocks"));
    assertTrue(Resource.coveredBy(unknown, "tags"));
    assertTrue(Resource.coveredBy(unknown, "tags.Environment"));
    assertTrue(Resource.coveredBy(unknown, "ingress.0.cidr_blocks.1"));
    assertFalse(Resource.coveredBy(unknown, "tags_all"), "a sibling that shares the name's start");
    assertFalse(Resource.coveredBy(unknown, "tag"));
    assertFalse(Resource.coveredBy(unknown, "ingress.0"), "a child does not cover its parent");
    assertFalse(Resource.coveredBy(unknown, "ingress.0.cidr_blocksX"));
    assertTrue(Resource.coveredBy(new TreeSet<>(List.of("")), "anything.at.all"), "the whole value is unknown");
    assertFalse(Resource.coveredBy(new TreeSet<>(), "tags"));
  }
}
