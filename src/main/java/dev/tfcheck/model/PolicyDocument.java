package dev.tfcheck.model;

import java.util.List;

/**
 * An IAM policy document held by a resource attribute.
 *
 * @param path the attribute ({@code policy}, {@code assume_role_policy}, {@code inline_policy.0.policy}, {@code json})
 * @param known whether the statements could be recovered at plan time
 * @param source {@code json}, {@code statement_blocks} or {@code reference}
 * @param from for {@code reference}: the {@code aws_iam_policy_document}s the statements come from.
 *     Several when the attribute is one of several documents (a for_each over a map of policies):
 *     the statements are then those of all of them, a superset of the document's own.
 */
public record PolicyDocument(String path, boolean known, String source, List<String> from, List<Statement> statements) {
  public static final String JSON = "json";
  public static final String STATEMENT_BLOCKS = "statement_blocks";
  public static final String REFERENCE = "reference";

  public PolicyDocument {
    from = List.copyOf(from);
    statements = List.copyOf(statements);
  }

  static PolicyDocument unknown(String path) {
    return new PolicyDocument(path, false, JSON, List.of(), List.of());
  }
}
