package dev.tfcheck.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tfcheck.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Addresses of real plans to the lines of the Terraform that made them, through local modules; files
 * named from the working directory (the repository's root here) as the source directory was given.
 */
class SourceMapTest {
  private static final String INSECURE = "reference-terraform/examples/insecure/";

  @TempDir
  Path dir;

  @Test
  void insecureExampleIncludingItsLocalModule() throws Exception {
    SourceMap map = SourceMap.scan(Path.of("reference-terraform/examples/insecure"), Fixtures.repo());
    assertEquals(at(INSECURE + "main.tf", 171), map.locate("aws_ecs_task_definition.wagtail"));
    assertEquals(at(INSECURE + "main.tf", 66), map.locate("aws_ssm_parameter.db_password"));
    assertEquals(at(INSECURE + "main.tf", 98), map.locate("aws_ecr_repository.wagtail"));
    assertEquals(at(INSECURE + "modules/rds-aurora-v2/main.tf", 23), map.locate("module.wagtail_rds_instance.aws_rds_cluster.this[0]"));
    assertEquals(at(INSECURE + "modules/rds-aurora-v2/main.tf", 121),
        map.locate("module.wagtail_rds_instance.aws_security_group_rule.cidr_ingress[0]"));
  }

  @Test
  void wagtailExampleThroughModulesBesideTheRootAndModulesTheyCall() throws Exception {
    SourceMap map = SourceMap.scan(Path.of("reference-terraform/examples/wagtail"), Fixtures.repo());
    assertEquals(at("reference-terraform/modules/kms/main.tf", 45), map.locate("module.database.module.key.aws_kms_key.this"));
    assertEquals(at("reference-terraform/modules/kms/main.tf", 45), map.locate("module.cluster.module.log_key.aws_kms_key.this"));
    assertEquals(at("reference-terraform/modules/private-bucket/main.tf", 43),
        map.locate("module.storage.module.bucket.aws_s3_bucket_versioning.this[0]"));
    assertEquals(at("reference-terraform/modules/private-bucket/main.tf", 10), map.locate("module.edge.module.access_logs.aws_s3_bucket.this"));
    assertEquals(at("reference-terraform/modules/database/main.tf", 176),
        map.locate("module.database.data.aws_iam_policy_document.connect[\"wagtail\"]"));
    assertEquals(at("reference-terraform/modules/service/main.tf", 179), map.locate("module.wagtail.data.aws_iam_policy_document.execution_kms[0]"));
  }

  @Test
  void forEachInstancesOfALocalModule() throws Exception {
    SourceMap map = SourceMap.scan(Path.of("fixtures/rules/violations-src"), Fixtures.repo());
    assertEquals(at("fixtures/rules/violations-src/modules/aurora/main.tf", 57), map.locate("module.aurora[\"unencrypted\"].aws_rds_cluster.this"));
    assertEquals(at("fixtures/rules/violations-src/storage.tf", 66), map.locate("aws_s3_bucket.partial_public_access_block"));
  }

  @Test
  void aRemoteModuleIsLocatedAtItsCall() throws Exception {
    Files.writeString(dir.resolve("main.tf"), """
        terraform {}

        module "vpc" {
          source  = "terraform-aws-modules/vpc/aws"
          version = "5.0.0"
        }
        """);
    SourceMap map = SourceMap.scan(dir);
    assertEquals(at(dir + "/main.tf", 3), map.locate("module.vpc.aws_vpc.this[0]"));
    assertEquals(Optional.empty(), map.locate("aws_vpc.not_declared"));
    assertEquals(Optional.empty(), map.locate("(plan)"));
  }

  @Test
  void aModuleThatCallsItsCallerIsFollowedOnce() throws Exception {
    Files.writeString(dir.resolve("main.tf"), "module \"a\" {\n  source = \"./a\"\n}\nresource \"aws_s3_bucket\" \"root\" {}\n");
    Files.createDirectories(dir.resolve("a"));
    Files.writeString(dir.resolve("a/main.tf"), "module \"back\" {\n  source = \"../\"\n}\nresource \"aws_sqs_queue\" \"q\" {}\n");
    SourceMap map = SourceMap.scan(dir);
    assertEquals(at(dir + "/a/main.tf", 4), map.locate("module.a.aws_sqs_queue.q"));
    assertEquals(at(dir + "/a/main.tf", 1), map.locate("module.a.module.back.aws_s3_bucket.root"));
  }

  @Test
  void anOverrideFileDoesNotMoveTheBlock() throws Exception {
    Files.writeString(dir.resolve("z_override.tf"), "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"override\"\n}\n");
    Files.writeString(dir.resolve("main.tf"), "\n\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n}\n");
    assertEquals(at("main.tf", 3), SourceMap.scan(Path.of("."), dir).locate("aws_s3_bucket.b"));
  }

  @Test
  void aDirectoryWithoutTerraformIsAnInputError() throws Exception {
    SourceException empty = assertThrows(SourceException.class, () -> SourceMap.scan(dir));
    assertEquals(dir + ": no .tf files in the directory", empty.file() + ": " + empty.getMessage());
    Path missing = dir.resolve("missing");
    SourceException notDir = assertThrows(SourceException.class, () -> SourceMap.scan(missing));
    assertEquals(missing + ": not a directory", notDir.file() + ": " + notDir.getMessage());
  }

  @Test
  void noSourceDirectoryLocatesNothing() {
    assertEquals(Optional.empty(), SourceMap.NONE.locate("aws_s3_bucket.b"));
  }

  private static Optional<SourceLocation> at(String file, int line) {
    return Optional.of(new SourceLocation(file, line));
  }
}
