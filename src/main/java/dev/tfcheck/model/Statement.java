package dev.tfcheck.model;

import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * One IAM policy statement in a single shape, whatever document it came from. Lists are null when
 * the statement does not have the element; actions are lower-cased (IAM matches them without case).
 *
 * @param unknown the elements whose value is not, or not wholly, known at plan time; their lists
 *     hold only the known members
 * @param refs for statements built from {@code aws_iam_policy_document} blocks: what their
 *     expressions reference, per element
 */
public record Statement(
    String sid,
    String effect,
    List<String> actions,
    List<String> notActions,
    List<String> resources,
    List<String> notResources,
    SortedMap<String, List<String>> principals,
    SortedMap<String, List<String>> notPrincipals,
    List<Condition> conditions,
    SortedSet<String> unknown,
    List<FieldRef> refs) {

  /** {@code "Condition": {operator: {key: values}}}, one entry per operator and key. */
  public record Condition(String operator, String key, List<String> values) {
    public Condition {
      values = List.copyOf(values);
    }
  }

  /** A reference made by the expression of one statement element ({@code resources}, ...). */
  public record FieldRef(String field, Ref ref) {}

  public Statement {
    effect = Objects.requireNonNullElse(effect, "Allow");
    conditions = List.copyOf(conditions);
    refs = List.copyOf(refs);
  }
}
