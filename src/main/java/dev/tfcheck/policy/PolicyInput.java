package dev.tfcheck.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tfcheck.Version;
import dev.tfcheck.model.Expression;
import dev.tfcheck.model.Model;
import dev.tfcheck.model.PolicyDocument;
import dev.tfcheck.model.Ref;
import dev.tfcheck.model.Resource;
import dev.tfcheck.model.Role;
import dev.tfcheck.model.Statement;
import dev.tfcheck.model.TaskDefinition;
import dev.tfcheck.plan.Json;
import dev.tfcheck.plan.Plan;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds the policy input document (docs/policy-input.md) from a {@link Model}. Field names and
 * shapes here are the contract with every rule, built-in or user-written: change them only with the
 * schema version.
 */
public final class PolicyInput {
  /** The version of the document's shape; rules may check it. */
  public static final String SCHEMA_VERSION = "1.0";

  private static final JsonNodeFactory NODES = Json.nodes();

  private PolicyInput() {}

  public static ObjectNode of(Model model) {
    return of(model, null);
  }

  /**
   * The document for some of the model's resources (all when {@code members} is null): what one
   * chunk of a large plan is evaluated on. Back references are kept within the members.
   */
  static ObjectNode of(Model model, Set<String> members) {
    ObjectNode input = NODES.objectNode();
    input.set("tfcheck", NODES.objectNode()
        .put("schema_version", SCHEMA_VERSION)
        .put("tool_version", Version.get()));
    input.set("plan", plan(model.plan()));
    ObjectNode resources = input.putObject("resources");
    SortedMap<String, TreeSet<String>> types = new TreeMap<>();
    for (Resource r : model.resources().values()) {
      if (members == null || members.contains(r.id())) {
        resources.set(r.id(), resource(r, members));
        types.computeIfAbsent(r.type(), t -> new TreeSet<>()).add(r.id());
      }
    }
    ObjectNode byType = input.putObject("types");
    types.forEach((type, addresses) -> byType.set(type, strings(addresses)));
    input.set("names", names(model, members));
    ObjectNode roles = input.putObject("iam").putObject("roles");
    for (Role role : model.roles().values()) {
      if (members == null || members.contains(role.address())) {
        roles.set(role.address(), role(role));
      }
    }
    return input;
  }

  /**
   * The attributes that name what other resources attach to by name rather than by reference (a
   * bucket's public access block by {@code bucket}, a role policy by {@code role}, ...).
   */
  static final List<String> NAME_ATTRIBUTES = List.of("bucket", "db_subnet_group_name", "name", "repository", "role");

  /**
   * names[type][attribute][value]: the live managed resources whose known top-level NAME_ATTRIBUTES
   * value is value. Rules look resources up by name through it in one step, where building the index
   * in Rego cost more than any rule on large plans.
   */
  private static ObjectNode names(Model model, Set<String> members) {
    SortedMap<String, SortedMap<String, SortedMap<String, TreeSet<String>>>> index = new TreeMap<>();
    for (Resource r : model.resources().values()) {
      if (r.isData() || r.isDeleteOnly() || (members != null && !members.contains(r.id()))) {
        continue;
      }
      for (String attribute : NAME_ATTRIBUTES) {
        JsonNode value = r.value(attribute);
        if (value != null && value.isTextual() && !r.sensitive().contains(attribute)) {
          index.computeIfAbsent(r.type(), t -> new TreeMap<>())
              .computeIfAbsent(attribute, a -> new TreeMap<>())
              .computeIfAbsent(value.asText(), v -> new TreeSet<>())
              .add(r.id());
        }
      }
    }
    ObjectNode out = NODES.objectNode();
    index.forEach((type, byAttribute) -> {
      ObjectNode t = out.putObject(type);
      byAttribute.forEach((attribute, byValue) -> {
        ObjectNode a = t.putObject(attribute);
        byValue.forEach((value, addresses) -> a.set(value, strings(addresses)));
      });
    });
    return out;
  }

  private static ObjectNode plan(Plan plan) {
    ObjectNode out = NODES.objectNode();
    out.put("format_version", plan.formatVersion());
    out.put("terraform_version", plan.terraformVersion());
    out.set("applyable", bool(plan.root().get("applyable")));
    out.set("complete", bool(plan.root().get("complete")));
    out.set("errored", bool(plan.root().get("errored")));
    ArrayNode deferred = out.putArray("deferred_changes");
    for (JsonNode d : plan.section("deferred_changes")) {
      deferred.addObject()
          .put("address", d.path("resource_change").path("address").asText(null))
          .put("reason", d.path("reason").asText(null));
    }
    ArrayNode drift = out.putArray("drift");
    for (JsonNode d : plan.section("resource_drift")) {
      drift.addObject().put("address", d.path("address").asText(null)).set("actions", d.path("change").path("actions"));
    }
    ObjectNode outputs = out.putObject("outputs");
    SortedMap<String, JsonNode> sortedOutputs = new TreeMap<>();
    plan.section("output_changes").fields().forEachRemaining(e -> sortedOutputs.put(e.getKey(), e.getValue()));
    sortedOutputs.forEach((name, change) -> outputs.putObject(name)
        .<ObjectNode>set("actions", change.path("actions").isArray() ? change.path("actions") : NODES.arrayNode())
        .put("sensitive", change.path("after_sensitive").asBoolean(false) || change.path("before_sensitive").asBoolean(false))
        .put("unknown", change.path("after_unknown").asBoolean(false)));
    ArrayNode checks = out.putArray("checks");
    for (JsonNode c : plan.section("checks")) {
      checks.addObject()
          .put("address", c.path("address").path("to_display").asText(c.path("address").asText(null)))
          .put("status", c.path("status").asText(null));
    }
    ArrayNode relevant = out.putArray("relevant_attributes");
    for (JsonNode a : plan.section("relevant_attributes")) {
      StringBuilder path = new StringBuilder();
      for (JsonNode step : a.path("attribute")) {
        path.append(path.length() == 0 ? "" : ".").append(step.asText());
      }
      relevant.addObject().put("address", a.path("resource").asText(null)).put("path", path.toString());
    }
    return out;
  }

  private static ObjectNode resource(Resource r, Set<String> members) {
    ObjectNode out = NODES.objectNode();
    out.put("address", r.id());
    out.put("module", r.address().module());
    out.put("config_address", r.address().configAddress());
    out.put("mode", r.address().mode());
    out.put("type", r.type());
    out.put("name", r.address().name());
    Object key = r.address().key();
    if (key instanceof Long l) {
      out.put("index", l);
    } else if (key instanceof String s) {
      out.put("index", s);
    } else {
      out.putNull("index");
    }
    out.put("provider", r.provider());
    out.set("actions", strings(r.actions()));
    out.put("action_reason", r.actionReason());
    out.set("replace_paths", strings(r.replacePaths()));
    out.put("previous_address", r.previousAddress());
    out.put("importing", r.importing());
    out.set("values", r.values());
    out.set("before", r.before());
    out.set("unknown", strings(r.unknown()));
    out.set("sensitive", strings(r.sensitive()));
    ObjectNode expressions = out.putObject("expressions");
    for (Map.Entry<String, Expression> e : r.expressions().entrySet()) {
      expressions.set(e.getKey(), expression(e.getValue()));
    }
    ArrayNode referencedBy = out.putArray("referenced_by");
    for (Resource.Backref b : r.referencedBy()) {
      if (members != null && !members.contains(b.address())) {
        continue;
      }
      referencedBy.addObject().put("address", b.address()).put("type", b.type()).put("path", b.path());
    }
    ArrayNode docs = out.putArray("policy_documents");
    for (PolicyDocument d : r.policyDocuments()) {
      ObjectNode doc = docs.addObject()
          .put("path", d.path())
          .put("known", d.known())
          .put("source", d.source());
      doc.set("from", strings(d.from()));
      doc.set("statements", statements(d.statements()));
    }
    TaskDefinition td = r.taskDefinition();
    if (td != null) {
      ArrayNode containers = out.putArray("containers");
      td.containers().forEach(containers::add);
      out.put("containers_known", td.containersKnown());
      ObjectNode roles = out.putObject("roles");
      roles.set("task", roleLink(td.task()));
      roles.set("execution", roleLink(td.execution()));
    }
    if ("aws_rds_cluster".equals(r.type())) {
      out.set("cluster_instances", strings(r.clusterInstances()));
    }
    return out;
  }

  /** Only what is there: constant and block when true, refs and unresolved when not empty. */
  private static ObjectNode expression(Expression e) {
    ObjectNode out = NODES.objectNode();
    if (e.constant()) {
      out.put("constant", true);
    }
    if (e.block()) {
      out.put("block", true);
    }
    if (!e.refs().isEmpty()) {
      out.set("refs", refs(e.refs()));
    }
    if (!e.unresolved().isEmpty()) {
      out.set("unresolved", strings(e.unresolved()));
    }
    return out;
  }

  private static ArrayNode refs(Collection<Ref> refs) {
    ArrayNode out = NODES.arrayNode();
    for (Ref ref : refs) {
      out.addObject().put("address", ref.address()).put("type", ref.type()).put("attribute", ref.attribute());
    }
    return out;
  }

  private static ObjectNode roleLink(TaskDefinition.RoleLink link) {
    return NODES.objectNode().put("address", link.address()).put("arn", link.arn()).put("set", link.set());
  }

  private static ObjectNode role(Role role) {
    ObjectNode out = NODES.objectNode();
    out.put("address", role.address());
    out.put("name", role.name());
    out.set("trust", statements(role.trust()));
    out.put("trust_known", role.trustKnown());
    ArrayNode policies = out.putArray("policies");
    for (Role.Policy p : role.policies()) {
      ObjectNode policy = policies.addObject()
          .put("kind", p.kind())
          .put("address", p.address())
          .put("arn", p.arn())
          .put("name", p.name())
          .put("known", p.known());
      policy.set("statements", statements(p.statements()));
    }
    ArrayNode usedBy = out.putArray("used_by");
    for (Role.Use use : role.usedBy()) {
      usedBy.addObject().put("address", use.address()).put("as", use.as());
    }
    return out;
  }

  static ArrayNode statements(List<Statement> statements) {
    ArrayNode out = NODES.arrayNode();
    for (Statement s : statements) {
      ObjectNode o = out.addObject();
      o.put("sid", s.sid());
      o.put("effect", s.effect());
      o.set("actions", strings(s.actions()));
      o.set("not_actions", strings(s.notActions()));
      o.set("resources", strings(s.resources()));
      o.set("not_resources", strings(s.notResources()));
      o.set("principals", principals(s.principals()));
      o.set("not_principals", principals(s.notPrincipals()));
      ArrayNode conditions = o.putArray("conditions");
      for (Statement.Condition c : s.conditions()) {
        conditions.addObject().put("operator", c.operator()).put("key", c.key()).set("values", strings(c.values()));
      }
      o.set("unknown", strings(s.unknown()));
      ArrayNode refs = o.putArray("refs");
      for (Statement.FieldRef f : s.refs()) {
        refs.addObject()
            .put("address", f.ref().address())
            .put("type", f.ref().type())
            .put("attribute", f.ref().attribute())
            .put("field", f.field());
      }
    }
    return out;
  }

  private static JsonNode principals(SortedMap<String, List<String>> principals) {
    if (principals == null) {
      return NODES.nullNode();
    }
    ObjectNode out = NODES.objectNode();
    principals.forEach((type, ids) -> out.set(type, strings(ids)));
    return out;
  }

  private static JsonNode strings(Collection<String> values) {
    if (values == null) {
      return NODES.nullNode();
    }
    ArrayNode out = NODES.arrayNode();
    for (Iterator<String> it = values.iterator(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }

  private static JsonNode bool(JsonNode n) {
    return n != null && n.isBoolean() ? n : NODES.nullNode();
  }
}
