package dev.tfcheck.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
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
    Index index = new Index(resources);
    Map<String, List<Role.Policy>> granted = new HashMap<>();
    Map<String, List<Role.Use>> usedBy = new HashMap<>();
    // One pass over the plan, linking each grant to its roles (not one pass per role: plans have thousands).
    for (Resource r : resources.values()) {
      if (r.isDeleteOnly()) {
        continue;
      }
      switch (r.type()) {
        case "aws_iam_role_policy" -> {
          PolicyDocument doc = document(r, "policy");
          Role.Policy policy = new Role.Policy("role_policy", r.id(), null, text(r.value("name")),
              doc != null && doc.known(), doc == null ? List.of() : doc.statements());
          for (Resource role : index.roles(r, "role")) {
            granted.computeIfAbsent(role.id(), k -> new ArrayList<>()).add(policy);
          }
        }
        case "aws_iam_role_policy_attachment", "aws_iam_policy_attachment" -> {
          String attribute = "aws_iam_role_policy_attachment".equals(r.type()) ? "role" : "roles";
          List<Resource> roles = index.roles(r, attribute);
          if (!roles.isEmpty()) {
            Role.Policy policy = attached(r, "policy_arn", resources, index);
            for (Resource role : roles) {
              granted.computeIfAbsent(role.id(), k -> new ArrayList<>()).add(policy);
            }
          }
        }
        case "aws_ecs_task_definition" -> {
          TaskDefinition td = r.taskDefinition;
          if (td != null && td.task().address() != null) {
            usedBy.computeIfAbsent(td.task().address(), k -> new ArrayList<>()).add(new Role.Use(r.id(), "task"));
          }
          if (td != null && td.execution().address() != null) {
            usedBy.computeIfAbsent(td.execution().address(), k -> new ArrayList<>()).add(new Role.Use(r.id(), "execution"));
          }
        }
        default -> { }
      }
    }
    SortedMap<String, Role> roles = new TreeMap<>();
    for (Resource role : resources.values()) {
      if ("aws_iam_role".equals(role.type()) && !role.isData() && !role.isDeleteOnly()) {
        roles.put(role.id(), build(role, granted.getOrDefault(role.id(), List.of()),
            usedBy.getOrDefault(role.id(), List.of()), resources, index));
      }
    }
    return roles;
  }

  private static Role build(Resource role, List<Role.Policy> granted, List<Role.Use> usedBy,
      Map<String, Resource> resources, Index index) {
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
    policies.addAll(granted);
    JsonNode managed = role.value("managed_policy_arns");
    if (managed != null && managed.isArray()) {
      for (JsonNode arn : managed) {
        if (arn.isTextual()) {
          policies.add(byArn(arn.asText(), index));
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

  /** Roles and customer managed policies by their known names and ARNs, for links made by value. */
  static final class Index {
    private final Map<String, Resource> byAddress = new HashMap<>();
    private final Map<String, Resource> rolesByName = new HashMap<>();
    private final Map<String, Resource> rolesByArn = new HashMap<>();
    private final Map<String, Resource> policiesByArn = new HashMap<>();

    Index(Map<String, Resource> resources) {
      for (Resource r : resources.values()) {
        if (r.isData() || r.isDeleteOnly()) {
          continue;
        }
        if ("aws_iam_role".equals(r.type())) {
          byAddress.put(r.id(), r);
          JsonNode name = r.value("name");
          if (name != null && name.isTextual()) {
            rolesByName.putIfAbsent(name.asText(), r);
          }
          JsonNode arn = r.value("arn");
          if (arn != null && arn.isTextual()) {
            rolesByArn.putIfAbsent(arn.asText(), r);
          }
        } else if ("aws_iam_policy".equals(r.type())) {
          JsonNode arn = r.value("arn");
          if (arn != null && arn.isTextual()) {
            policiesByArn.putIfAbsent(arn.asText(), r);
          }
        }
      }
    }

    /** The role a name or ARN designates: a known ARN, or a role ARN ending in a known name. */
    Resource role(String nameOrArn) {
      Resource byArn = rolesByArn.get(nameOrArn);
      if (byArn != null) {
        return byArn;
      }
      if (nameOrArn.startsWith("arn:")) {
        int at = nameOrArn.indexOf(":role/");
        if (at < 0) {
          return null;
        }
        String path = nameOrArn.substring(at + ":role/".length());
        return rolesByName.get(path.substring(path.lastIndexOf('/') + 1));
      }
      return rolesByName.get(nameOrArn);
    }

    Resource policy(String arn) {
      return policiesByArn.get(arn);
    }

    /**
     * The roles an attribute of {@code r} names: by reference, narrowed by its known value when the
     * reference fans out to several roles (a for_each role indexed by an expression); by value alone
     * when it has no reference.
     */
    List<Resource> roles(Resource r, String attribute) {
      List<Resource> referenced = new ArrayList<>();
      for (Ref ref : r.refs(attribute)) {
        Resource role = "aws_iam_role".equals(ref.type()) ? byAddress.get(ref.address()) : null;
        if (role != null && !referenced.contains(role)) {
          referenced.add(role);
        }
      }
      List<Resource> byValue = new ArrayList<>();
      JsonNode value = r.value(attribute);
      for (JsonNode v : value == null ? List.<JsonNode>of() : value.isArray() ? value : List.of(value)) {
        Resource role = v.isTextual() ? role(v.asText()) : null;
        if (role != null && !byValue.contains(role)) {
          byValue.add(role);
        }
      }
      if (r.refs(attribute).isEmpty()) {
        return byValue;
      }
      if (referenced.size() > 1 && !byValue.isEmpty()) {
        List<Resource> narrowed = new ArrayList<>(referenced);
        narrowed.retainAll(byValue);
        return narrowed.isEmpty() ? referenced : narrowed;
      }
      return referenced;
    }

  }

  /** The policy an attachment's {@code policy_arn} names: by reference, else by known ARN. */
  private static Role.Policy attached(Resource attachment, String attribute, Map<String, Resource> resources, Index index) {
    for (Ref ref : attachment.refs(attribute)) {
      Resource target = resources.get(ref.address());
      if (target != null && "aws_iam_policy".equals(target.type())) {
        return customerManaged(target);
      }
    }
    JsonNode arn = attachment.value(attribute);
    if (arn != null && arn.isTextual()) {
      return byArn(arn.asText(), index);
    }
    return new Role.Policy("customer_managed", null, null, null, false, List.of());
  }

  private static Role.Policy byArn(String arn, Index index) {
    Matcher m = AWS_MANAGED.matcher(arn);
    if (m.matches()) {
      return new Role.Policy("aws_managed", null, arn, m.group(1), false, List.of());
    }
    Resource policy = index.policy(arn);
    return policy != null ? customerManaged(policy) : new Role.Policy("customer_managed", null, arn, null, false, List.of());
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

  private static String text(JsonNode n) {
    return n == null || !n.isValueNode() ? null : n.asText();
  }
}
