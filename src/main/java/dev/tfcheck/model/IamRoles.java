package dev.tfcheck.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The effective policy set of every IAM role: its inline policies, its {@code aws_iam_role_policy}
 * resources, and the managed policies attached to it (customer managed ones with their statements,
 * AWS managed ones by name). Links are made by reference first and by known name second.
 */
final class IamRoles {
  private static final Pattern AWS_MANAGED = Pattern.compile("arn:aws[a-z-]*:iam::aws:policy/(?:.*/)?([^/]+)");

  private IamRoles() {}

  static SortedMap<String, Role> build(Map<String, Resource> resources) {
    SortedMap<String, Role> roles = new TreeMap<>();
    for (Resource role : resources.values()) {
      if (!"aws_iam_role".equals(role.type()) || role.isData() || role.isDeleteOnly()) {
        continue;
      }
      roles.put(role.id(), build(role, resources));
    }
    return roles;
  }

  private static Role build(Resource role, Map<String, Resource> resources) {
    List<Statement> trust = List.of();
    boolean trustKnown = false;
    List<Role.Policy> policies = new ArrayList<>();
    for (PolicyDocument doc : role.policyDocuments) {
      if ("assume_role_policy".equals(doc.path())) {
        trust = doc.statements();
        trustKnown = doc.known();
      } else if (doc.path().startsWith("inline_policy.")) {
        String prefix = doc.path().substring(0, doc.path().length() - ".policy".length());
        policies.add(new Role.Policy("inline", role.id(), null, text(role.value(prefix + ".name")),
            doc.known(), doc.statements()));
      }
    }
    List<Role.Use> usedBy = new ArrayList<>();
    for (Resource r : resources.values()) {
      if (r.isDeleteOnly()) {
        continue;
      }
      switch (r.type()) {
        case "aws_iam_role_policy" -> {
          if (linked(r, "role", role)) {
            PolicyDocument doc = document(r, "policy");
            policies.add(new Role.Policy("role_policy", r.id(), null, text(r.value("name")),
                doc != null && doc.known(), doc == null ? List.of() : doc.statements()));
          }
        }
        case "aws_iam_role_policy_attachment" -> {
          if (linked(r, "role", role)) {
            policies.add(attached(r, "policy_arn", resources));
          }
        }
        case "aws_iam_policy_attachment" -> {
          if (linkedInList(r, "roles", role)) {
            policies.add(attached(r, "policy_arn", resources));
          }
        }
        case "aws_ecs_task_definition" -> {
          TaskDefinition td = r.taskDefinition;
          if (td != null && role.id().equals(td.task().address())) {
            usedBy.add(new Role.Use(r.id(), "task"));
          }
          if (td != null && role.id().equals(td.execution().address())) {
            usedBy.add(new Role.Use(r.id(), "execution"));
          }
        }
        default -> { }
      }
    }
    JsonNode managed = role.value("managed_policy_arns");
    if (managed != null && managed.isArray()) {
      for (JsonNode arn : managed) {
        if (arn.isTextual()) {
          policies.add(byArn(arn.asText(), resources));
        }
      }
    } else {
      for (Ref ref : role.refs("managed_policy_arns")) {
        Resource target = resources.get(ref.address());
        if (target != null && "aws_iam_policy".equals(target.type())) {
          policies.add(customerManaged(target));
        }
      }
    }
    return new Role(role.id(), text(role.value("name")), trust, trustKnown, policies, usedBy);
  }

  /** The policy an attachment's {@code policy_arn} names: by reference, else by known ARN. */
  private static Role.Policy attached(Resource attachment, String attribute, Map<String, Resource> resources) {
    for (Ref ref : attachment.refs(attribute)) {
      Resource target = resources.get(ref.address());
      if (target != null && "aws_iam_policy".equals(target.type())) {
        return customerManaged(target);
      }
    }
    JsonNode arn = attachment.value(attribute);
    if (arn != null && arn.isTextual()) {
      return byArn(arn.asText(), resources);
    }
    return new Role.Policy("customer_managed", null, null, null, false, List.of());
  }

  private static Role.Policy byArn(String arn, Map<String, Resource> resources) {
    Matcher m = AWS_MANAGED.matcher(arn);
    if (m.matches()) {
      return new Role.Policy("aws_managed", null, arn, m.group(1), false, List.of());
    }
    for (Resource r : resources.values()) {
      if ("aws_iam_policy".equals(r.type()) && !r.isData()) {
        JsonNode known = r.value("arn");
        if (known != null && arn.equals(known.asText())) {
          return customerManaged(r);
        }
      }
    }
    return new Role.Policy("customer_managed", null, arn, null, false, List.of());
  }

  private static Role.Policy customerManaged(Resource policy) {
    PolicyDocument doc = document(policy, "policy");
    return new Role.Policy("customer_managed", policy.id(), text(policy.value("arn")), text(policy.value("name")),
        doc != null && doc.known(), doc == null ? List.of() : doc.statements());
  }

  private static PolicyDocument document(Resource r, String path) {
    for (PolicyDocument d : r.policyDocuments) {
      if (d.path().equals(path)) {
        return d;
      }
    }
    return null;
  }

  /** Whether {@code r}'s attribute names the role: by reference, or by its known name or ARN. */
  private static boolean linked(Resource r, String attribute, Resource role) {
    for (Ref ref : r.refs(attribute)) {
      if (ref.address().equals(role.id())) {
        return true;
      }
    }
    if (!r.refs(attribute).isEmpty()) {
      return false;
    }
    JsonNode value = r.value(attribute);
    return value != null && value.isTextual() && namesRole(value.asText(), role);
  }

  private static boolean linkedInList(Resource r, String attribute, Resource role) {
    for (Ref ref : r.refs(attribute)) {
      if (ref.address().equals(role.id())) {
        return true;
      }
    }
    JsonNode value = r.value(attribute);
    if (value != null && value.isArray()) {
      for (JsonNode v : value) {
        if (v.isTextual() && namesRole(v.asText(), role)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean namesRole(String text, Resource role) {
    JsonNode name = role.value("name");
    return (name != null && text.equals(name.asText())) || matchesArn(role, text);
  }

  /** Whether an ARN is the role's: its known ARN, or a role ARN ending in its known name. */
  static boolean matchesArn(Resource role, String arn) {
    JsonNode known = role.value("arn");
    if (known != null && arn.equals(known.asText())) {
      return true;
    }
    JsonNode name = role.value("name");
    return name != null && arn.startsWith("arn:") && arn.contains(":role/")
        && (arn.endsWith(":role/" + name.asText()) || arn.endsWith("/" + name.asText()));
  }

  private static String text(JsonNode n) {
    return n == null || !n.isValueNode() ? null : n.asText();
  }
}
