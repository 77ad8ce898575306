package dev.tfcheck.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tfcheck.plan.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses ECS task definitions' containers and resolves their task and execution roles. */
final class TaskDefinitions {
  static final String TYPE = "aws_ecs_task_definition";

  /** Keys whose strings are identifiers, kept even when the whole definition is flagged sensitive. */
  private static final Set<String> STRUCTURAL_KEYS = Set.of("name", "valueFrom");

  private TaskDefinitions() {}

  /**
   * Parses {@code container_definitions} from the raw (unmasked) planned value. When the plan flags
   * it sensitive, every string but names and {@code valueFrom} ARNs is masked before it is kept.
   */
  static List<JsonNode> parseContainers(JsonNode raw, boolean sensitive) {
    if (raw == null || !raw.isTextual()) {
      return null;
    }
    JsonNode parsed;
    try {
      parsed = Json.MAPPER.readTree(raw.asText());
    } catch (JsonProcessingException e) {
      return null;
    }
    if (parsed == null || !parsed.isArray()) {
      return null;
    }
    List<JsonNode> containers = new ArrayList<>();
    for (JsonNode c : parsed) {
      containers.add(sensitive ? maskStrings(c, null) : c);
    }
    return containers;
  }

  private static JsonNode maskStrings(JsonNode node, String key) {
    if (node.isTextual()) {
      return key != null && STRUCTURAL_KEYS.contains(key) ? node : TextNode.valueOf(ValueTrees.SENSITIVE);
    }
    if (node.isObject()) {
      ObjectNode copy = Json.nodes().objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        copy.set(e.getKey(), maskStrings(e.getValue(), e.getKey()));
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = Json.nodes().arrayNode();
      for (JsonNode e : node) {
        copy.add(maskStrings(e, key));
      }
      return copy;
    }
    return node;
  }

  /** Resolves each task definition's roles, now that references are resolved. */
  static void resolveRoles(Map<String, Resource> resources, Map<String, List<JsonNode>> containers) {
    IamRoles.Index roles = new IamRoles.Index(resources);
    for (Resource r : resources.values()) {
      if (!TYPE.equals(r.type()) || r.isData()) {
        continue;
      }
      List<JsonNode> parsed = containers.get(r.id());
      r.taskDefinition = new TaskDefinition(
          parsed == null ? List.of() : parsed,
          parsed != null,
          role(r, "task_role_arn", roles),
          role(r, "execution_role_arn", roles));
    }
  }

  private static TaskDefinition.RoleLink role(Resource task, String attribute, IamRoles.Index roles) {
    JsonNode arn = task.value(attribute);
    String arnText = arn != null && arn.isTextual() && !arn.asText().isEmpty() ? arn.asText() : null;
    boolean set = task.expressions.containsKey(attribute) || arnText != null;
    for (Ref ref : task.refs(attribute)) {
      if ("aws_iam_role".equals(ref.type())) {
        return new TaskDefinition.RoleLink(ref.address(), arnText, true);
      }
    }
    Resource known = arnText == null ? null : roles.role(arnText);
    if (known != null) {
      return new TaskDefinition.RoleLink(known.id(), arnText, true);
    }
    return new TaskDefinition.RoleLink(null, arnText, set);
  }
}
