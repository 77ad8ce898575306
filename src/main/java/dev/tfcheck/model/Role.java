package dev.tfcheck.model;

import java.util.List;
import java.util.Objects;

/**
 * An IAM role and everything that grants it permissions: the effective policy set.
 *
 * @param name the role name when known at plan time
 * @param trust the statements of its trust (assume role) policy
 * @param usedBy task definitions using it as their task or execution role
 */
public record Role(String address, String name, List<Statement> trust, boolean trustKnown,
    List<Policy> policies, List<Use> usedBy) {

  /** How a role is used: {@code as} is {@code task} or {@code execution}. */
  public record Use(String address, String as) {}

  /**
   * One policy applying to the role.
   *
   * @param kind {@code inline}, {@code role_policy}, {@code customer_managed} or {@code aws_managed}
   * @param address the resource granting it (the role, an aws_iam_role_policy, an aws_iam_policy), null for AWS managed
   * @param arn the policy ARN when known
   * @param name the policy name when known
   * @param known whether its statements are known
   */
  public record Policy(String kind, String address, String arn, String name, boolean known, List<Statement> statements) {
    public Policy {
      Objects.requireNonNull(kind, "kind");
      statements = List.copyOf(statements);
    }
  }

  public Role {
    Objects.requireNonNull(address, "address");
    trust = List.copyOf(trust);
    policies = List.copyOf(policies);
    usedBy = List.copyOf(usedBy);
  }
}
