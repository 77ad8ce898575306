package dev.tfcheck.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Address globs against real address shapes: which of them each glob selects, exactly. */
class AddressGlobTest {
  /** Every shape of address a plan has: root, keyed, data, nested modules, keys with dots and quotes. */
  private static final List<String> ADDRESSES = List.of(
      "aws_s3_bucket.logs",
      "aws_s3_bucket.logs[0]",
      "aws_s3_bucket.logs[1]",
      "aws_s3_bucket.logs[\"eu-west-2\"]",
      "aws_s3_bucket.logs[\"a.b[c]\"]",
      "aws_s3_bucket.logs[\"say \\\"hi\\\"\"]",
      "aws_s3_bucket_policy.logs",
      "data.aws_iam_policy_document.assume",
      "module.app.aws_s3_bucket.assets",
      "module.app[\"eu\"].aws_s3_bucket.assets",
      "module.app[\"us\"].aws_s3_bucket.assets[0]",
      "module.app[\"eu\"].module.db[0].aws_rds_cluster.this[0]",
      "module.app[\"eu\"].module.db[1].aws_rds_cluster.this[0]",
      "module.apple.aws_s3_bucket.assets",
      "module.db.aws_rds_cluster.this[0]");

  private static List<String> selected(String glob) {
    AddressGlob g = AddressGlob.of(glob);
    return ADDRESSES.stream().filter(g::matches).toList();
  }

  @Test
  void aLiteralGlobIsTheAddressAndEveryInstanceOfIt() {
    assertEquals(List.of("aws_s3_bucket.logs", "aws_s3_bucket.logs[0]", "aws_s3_bucket.logs[1]",
        "aws_s3_bucket.logs[\"eu-west-2\"]", "aws_s3_bucket.logs[\"a.b[c]\"]", "aws_s3_bucket.logs[\"say \\\"hi\\\"\"]"),
        selected("aws_s3_bucket.logs"));
    assertEquals(List.of("aws_s3_bucket.logs[1]"), selected("aws_s3_bucket.logs[1]"));
    assertEquals(List.of("data.aws_iam_policy_document.assume"), selected("data.aws_iam_policy_document.assume"));
  }

  @Test
  void aStarIsOneNameWithAnyKeyNeverADot() {
    assertEquals(List.of("aws_s3_bucket.logs", "aws_s3_bucket.logs[0]", "aws_s3_bucket.logs[1]",
        "aws_s3_bucket.logs[\"eu-west-2\"]", "aws_s3_bucket.logs[\"a.b[c]\"]", "aws_s3_bucket.logs[\"say \\\"hi\\\"\"]",
        "aws_s3_bucket_policy.logs"), selected("aws_s3_bucket*.*"));
    assertEquals(List.of("module.app.aws_s3_bucket.assets", "module.app[\"eu\"].aws_s3_bucket.assets",
        "module.app[\"us\"].aws_s3_bucket.assets[0]", "module.apple.aws_s3_bucket.assets"),
        selected("module.*.aws_s3_bucket.*"));
    assertEquals(List.of("module.app.aws_s3_bucket.assets", "module.app[\"eu\"].aws_s3_bucket.assets",
        "module.app[\"us\"].aws_s3_bucket.assets[0]"), selected("module.app.aws_s3_bucket.*"));
    assertEquals(List.of(), selected("*.aws_s3_bucket.assets"), "a star never stands for module.NAME");
  }

  @Test
  void aKeyNarrowsToInstances() {
    assertEquals(List.of("aws_s3_bucket.logs[0]", "aws_s3_bucket.logs[1]", "aws_s3_bucket.logs[\"eu-west-2\"]",
        "aws_s3_bucket.logs[\"a.b[c]\"]", "aws_s3_bucket.logs[\"say \\\"hi\\\"\"]"), selected("aws_s3_bucket.logs[*]"));
    assertEquals(List.of("aws_s3_bucket.logs[\"eu-west-2\"]", "aws_s3_bucket.logs[\"a.b[c]\"]",
        "aws_s3_bucket.logs[\"say \\\"hi\\\"\"]"), selected("aws_s3_bucket.logs[\"*\"]"));
    assertEquals(List.of("aws_s3_bucket.logs[\"eu-west-2\"]"), selected("aws_s3_bucket.logs[\"eu-*\"]"));
    assertEquals(List.of("aws_s3_bucket.logs[\"a.b[c]\"]"), selected("aws_s3_bucket.logs[\"a.*]\"]"),
        "in a key, a star crosses dots and brackets");
    assertEquals(List.of("aws_s3_bucket.logs[\"say \\\"hi\\\"\"]"), selected("aws_s3_bucket.logs[\"say \\\"*\\\"\"]"));
    assertEquals(List.of("module.app[\"eu\"].aws_s3_bucket.assets", "module.app[\"us\"].aws_s3_bucket.assets[0]"),
        selected("module.app[\"*\"].aws_s3_bucket.*"));
    assertEquals(List.of("module.app[\"eu\"].module.db[1].aws_rds_cluster.this[0]"),
        selected("module.app[\"eu\"].module.db[1].aws_rds_cluster.this"));
  }

  @Test
  void aDoubleStarIsAnyNumberOfPartsNoneIncluded() {
    assertEquals(List.of("module.app[\"eu\"].module.db[0].aws_rds_cluster.this[0]",
        "module.app[\"eu\"].module.db[1].aws_rds_cluster.this[0]", "module.db.aws_rds_cluster.this[0]"),
        selected("**.aws_rds_cluster.*"));
    assertEquals(List.of("module.app.aws_s3_bucket.assets", "module.app[\"eu\"].aws_s3_bucket.assets",
        "module.app[\"us\"].aws_s3_bucket.assets[0]", "module.app[\"eu\"].module.db[0].aws_rds_cluster.this[0]",
        "module.app[\"eu\"].module.db[1].aws_rds_cluster.this[0]"), selected("module.app.**"));
    assertEquals(List.of("module.app[\"eu\"].module.db[0].aws_rds_cluster.this[0]",
        "module.app[\"eu\"].module.db[1].aws_rds_cluster.this[0]", "module.db.aws_rds_cluster.this[0]"),
        selected("**.module.db.**"));
    assertEquals(ADDRESSES, selected("**"));
    assertEquals(List.of("aws_s3_bucket.logs", "aws_s3_bucket.logs[0]", "aws_s3_bucket.logs[1]",
        "aws_s3_bucket.logs[\"eu-west-2\"]", "aws_s3_bucket.logs[\"a.b[c]\"]", "aws_s3_bucket.logs[\"say \\\"hi\\\"\"]",
        "aws_s3_bucket_policy.logs"), selected("**.*.logs"));
  }

  @Test
  void aNameIsWholeAndCaseSensitive() {
    assertFalse(AddressGlob.of("module.db.**").matches("module.db2.aws_rds_cluster.this"));
    assertFalse(AddressGlob.of("module.app.aws_s3_bucket.*").matches("module.apple.aws_s3_bucket.assets"));
    assertEquals(List.of(), selected("aws_s3_bucket"));
    assertEquals(List.of(), selected("AWS_S3_BUCKET.logs"));
    assertEquals(List.of(), selected("s3_bucket.logs"));
  }

  @Test
  void malformedGlobsSayWhatAndWhere() {
    for (String[] c : new String[][] {
        {"", "it is empty"},
        {"aws_s3_bucket..logs", "empty part (a dot at an end, or two dots in a row) at character 15"},
        {"aws_s3_bucket.", "empty part (a dot at an end, or two dots in a row) at character 15"},
        {"module.**x.y", "'**' must be a whole part, as in module.**.aws_s3_bucket.* at character 8"},
        {"aws_s3_**.y", "'**' must be a whole part, as in module.**.aws_s3_bucket.* at character 8"},
        {"aws_s3_bucket.logs[0", "unclosed '[' at character 19"},
        {"aws_s3_bucket.logs[\"eu", "unterminated string key at character 19"},
        {"aws_s3_bucket.logs[eu]", "a key is *, an index or a quoted string at character 19"},
        {"aws_s3_bucket.logs[0]x", "unexpected 'x' after a key at character 22"},
        {"aws_s3_bucket/logs", "unexpected '/' (a name has letters, digits, _ and -, and * for any of them) at character 14"},
        {"aws_s3_bucket.log?", "unexpected '?' (a name has letters, digits, _ and -, and * for any of them) at character 18"},
    }) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AddressGlob.of(c[0]), c[0]);
      assertEquals(c[1], e.getMessage(), c[0]);
    }
  }

  @Test
  void everyAddressMatchesItself() {
    TreeSet<String> unmatched = new TreeSet<>();
    for (String a : ADDRESSES) {
      if (!AddressGlob.of(a).matches(a)) {
        unmatched.add(a);
      }
    }
    assertEquals(new TreeSet<>(), unmatched);
  }
}
