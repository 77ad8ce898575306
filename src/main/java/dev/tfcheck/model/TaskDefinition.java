package dev.tfcheck.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * An {@code aws_ecs_task_definition} with its containers parsed and its roles resolved.
 *
 * @param containers {@code container_definitions} parsed, one object per container (empty when unknown)
 * @param containersKnown whether {@code container_definitions} is known at plan time
 */
public record TaskDefinition(List<JsonNode> containers, boolean containersKnown, RoleLink task, RoleLink execution) {

  /**
   * A task definition's link to a role.
   *
   * @param address the aws_iam_role in the plan, or null when it could not be resolved
   * @param arn the ARN when known at plan time
   * @param set whether the configuration sets the role at all
   */
  public record RoleLink(String address, String arn, boolean set) {}

  public TaskDefinition {
    containers = List.copyOf(containers);
  }
}
