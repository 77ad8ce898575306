package dev.tfcheck.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tfcheck.plan.Address.ModuleStep;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressTest {
  @Test
  void rootResource() {
    Address a = Address.parse("aws_s3_bucket.media");
    assertEquals(new Address(List.of(), "managed", "aws_s3_bucket", "media", null), a);
    assertEquals("", a.module());
    assertEquals("aws_s3_bucket.media", a.configAddress());
  }

  @Test
  void countIndexAndDataSource() {
    Address a = Address.parse("data.aws_iam_policy_document.assume[3]");
    assertEquals(new Address(List.of(), "data", "aws_iam_policy_document", "assume", 3L), a);
    assertEquals("data.aws_iam_policy_document.assume", a.localName());
  }

  @Test
  void nestedModulesWithKeys() {
    Address a = Address.parse("module.app[\"eu-west-2\"].module.db[0].aws_rds_cluster_instance.this[\"reader\"]");
    assertEquals(List.of(new ModuleStep("app", "eu-west-2"), new ModuleStep("db", 0L)), a.modulePath());
    assertEquals("module.app[\"eu-west-2\"].module.db[0]", a.module());
    assertEquals("module.app.module.db.aws_rds_cluster_instance.this", a.configAddress());
    assertEquals(List.of("app", "db"), a.moduleNames());
    assertEquals("reader", a.key());
  }

  @Test
  void keysWithDotsQuotesAndBracketsRoundTrip() {
    String text = "module.x[\"a.b[0]\"].aws_s3_bucket.b[\"say \\\"hi\\\" \\\\ ok\"]";
    Address a = Address.parse(text);
    assertEquals("a.b[0]", a.modulePath().get(0).key());
    assertEquals("say \"hi\" \\ ok", a.key());
    assertEquals(text, a.toString());
  }

  @Test
  void resourceNamedData() {
    // A managed resource type can be called "data"-something; only "data." starts a data source.
    Address a = Address.parse("database_thing.data");
    assertEquals("managed", a.mode());
    assertEquals("database_thing", a.type());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "aws_s3_bucket", "aws_s3_bucket.", "module.x", "aws_x.y[", "aws_x.y[\"k]",
      "aws_x.y[abc]", "aws_x.y extra", "module..aws_x.y"})
  void rejectsMalformed(String text) {
    assertThrows(IllegalArgumentException.class, () -> Address.parse(text));
  }

  @Test
  void modulePathParsing() {
    assertEquals(List.of(), Address.parseModulePath(""));
    assertEquals(List.of(new ModuleStep("a", null), new ModuleStep("b", "k")),
        Address.parseModulePath("module.a.module.b[\"k\"]"));
  }
}
