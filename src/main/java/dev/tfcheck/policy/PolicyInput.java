package dev.tfcheck.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tfcheck.Version;
import dev.tfcheck.model.Expression;
import dev.tfcheck.model.Model;
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
import java.util.function.Consumer;

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
    return (ObjectNode) TreeWriter.tree(w -> write(model, null, w));
  }

  /**
   * Writes the document for some of the model's resources (all when {@code members} is null): what
   * one chunk of a large plan is evaluated on. Back references are kept within the members.
   */
  static void write(Model model, Set<String> members, InputWriter w) {
    w.startObject();
    w.field("tfcheck");
    w.startObject();
    w.field("schema_version", SCHEMA_VERSION);
    w.field("tool_version", Version.get());
    w.endObject();
    w.field("plan", plan(model.plan()));
    w.field("resources");
    w.startObject();
    SortedMap<String, TreeSet<String>> types = new TreeMap<>();
    for (Resource r : model.resources().values()) {
      if (members == null || members.contains(r.id())) {
        w.field(r.id());
        resource(r, members, w);
        types.computeIfAbsent(r.type(), t -> new TreeSet<>()).add(r.id());
      }
    }
    w.endObject();
    w.field("types");
    w.startObject();
    types.forEach((type, addresses) -> {
      w.field(type);
      strings(addresses, w);
    });
    w.endObject();
    w.field("names");
    names(model, members, w);
    w.field("iam");
    w.startObject();
    w.field("roles");
    w.startObject();
    for (Role role : model.roles().values()) {
      if (members == null || members.contains(role.address())) {
        w.field(role.address());
        role(role, w);
      }
    }
    w.endObject();
    w.endObject();
    w.endObject();
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
  private static void names(Model model, Set<String> members, InputWriter w) {
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
    w.startObject();
    index.forEach((type, byAttribute) -> {
      w.field(type);
      w.startObject();
      byAttribute.forEach((attribute, byValue) -> {
        w.field(attribute);
        w.startObject();
        byValue.forEach((value, addresses) -> {
          w.field(value);
          strings(addresses, w);
        });
        w.endObject();
      });
      w.endObject();
    });
    w.endObject();
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

  private static void resource(Resource r, Set<String> members, InputWriter w) {
    w.startObject();
    w.field("address", r.id());
    w.field("module", r.address().module());
    w.field("config_address", r.address().configAddress());
    w.field("mode", r.address().mode());
    w.field("type", r.type());
    w.field("name", r.address().name());
    w.field("index");
    Object key = r.address().key();
    if (key instanceof Long l) {
      w.value(l);
    } else if (key instanceof String s) {
      w.value(s);
    } else {
      w.nullValue();
    }
    w.field("provider", r.provider());
    w.field("actions");
    strings(r.actions(), w);
    w.field("action_reason", r.actionReason());
    w.field("replace_paths");
    strings(r.replacePaths(), w);
    w.field("previous_address", r.previousAddress());
    w.field("importing", r.importing());
    w.field("values", r.values());
    w.field("before", r.before());
    w.field("unknown");
    strings(r.unknown(), w);
    w.field("sensitive");
    strings(r.sensitive(), w);
    w.field("expressions");
    w.startObject();
    for (Map.Entry<String, Expression> e : r.expressions().entrySet()) {
      w.field(e.getKey());
      expression(e.getValue(), w);
    }
    w.endObject();
    w.field("referenced_by");
    w.startArray();
    for (Resource.Backref b : r.referencedBy()) {
      if (members != null && !members.contains(b.address())) {
        continue;
      }
      w.startObject();
      w.field("address", b.address());
      w.field("type", b.type());
      w.field("path", b.path());
      w.endObject();
    }
    w.endArray();
    w.field("policy_documents");
    objects(r.policyDocuments(), w, d -> {
      w.field("path", d.path());
      w.field("known", d.known());
      w.field("source", d.source());
      w.field("from");
      strings(d.from(), w);
      w.field("statements");
      statements(d.statements(), w);
    });
    TaskDefinition td = r.taskDefinition();
    if (td != null) {
      w.field("containers");
      w.startArray();
      td.containers().forEach(w::tree);
      w.endArray();
      w.field("containers_known", td.containersKnown());
      w.field("roles");
      w.startObject();
      w.field("task");
      roleLink(td.task(), w);
      w.field("execution");
      roleLink(td.execution(), w);
      w.endObject();
    }
    if ("aws_rds_cluster".equals(r.type())) {
      w.field("cluster_instances");
      strings(r.clusterInstances(), w);
    }
    w.endObject();
  }

  /** Only what is there: constant and block when true, refs and unresolved when not empty. */
  private static void expression(Expression e, InputWriter w) {
    w.startObject();
    if (e.constant()) {
      w.field("constant", true);
    }
    if (e.block()) {
      w.field("block", true);
    }
    if (!e.refs().isEmpty()) {
      w.field("refs");
      refs(e.refs(), w);
    }
    if (!e.unresolved().isEmpty()) {
      w.field("unresolved");
      strings(e.unresolved(), w);
    }
    w.endObject();
  }

  private static void refs(Collection<Ref> refs, InputWriter w) {
    objects(refs, w, ref -> ref(ref, w));
  }

  /** A reference's fields, in an object being written (an expression's refs, a statement's). */
  private static void ref(Ref ref, InputWriter w) {
    w.field("address", ref.address());
    w.field("type", ref.type());
    w.field("attribute", ref.attribute());
  }

  private static void roleLink(TaskDefinition.RoleLink link, InputWriter w) {
    w.startObject();
    w.field("address", link.address());
    w.field("arn", link.arn());
    w.field("set", link.set());
    w.endObject();
  }

  private static void role(Role role, InputWriter w) {
    w.startObject();
    w.field("address", role.address());
    w.field("name", role.name());
    w.field("trust");
    statements(role.trust(), w);
    w.field("trust_known", role.trustKnown());
    w.field("policies");
    objects(role.policies(), w, p -> {
      w.field("kind", p.kind());
      w.field("address", p.address());
      w.field("arn", p.arn());
      w.field("name", p.name());
      w.field("known", p.known());
      w.field("statements");
      statements(p.statements(), w);
    });
    w.field("used_by");
    objects(role.usedBy(), w, use -> {
      w.field("address", use.address());
      w.field("as", use.as());
    });
    w.endObject();
  }

  private static void statements(List<Statement> statements, InputWriter w) {
    objects(statements, w, s -> {
      w.field("sid", s.sid());
      w.field("effect", s.effect());
      w.field("actions");
      strings(s.actions(), w);
      w.field("not_actions");
      strings(s.notActions(), w);
      w.field("resources");
      strings(s.resources(), w);
      w.field("not_resources");
      strings(s.notResources(), w);
      w.field("principals");
      principals(s.principals(), w);
      w.field("not_principals");
      principals(s.notPrincipals(), w);
      w.field("conditions");
      objects(s.conditions(), w, c -> {
        w.field("operator", c.operator());
        w.field("key", c.key());
        w.field("values");
        strings(c.values(), w);
      });
      w.field("unknown");
      strings(s.unknown(), w);
      w.field("refs");
      objects(s.refs(), w, f -> {
        ref(f.ref(), w);
        w.field("field", f.field());
      });
    });
  }

  /** An array of one object per item, whose members {@code members} writes. */
  private static <T> void objects(Iterable<? extends T> items, InputWriter w, Consumer<T> members) {
    w.startArray();
    for (T item : items) {
      w.startObject();
      members.accept(item);
      w.endObject();
    }
    w.endArray();
  }

  private static void principals(SortedMap<String, List<String>> principals, InputWriter w) {
    if (principals == null) {
      w.nullValue();
      return;
    }
    w.startObject();
    principals.forEach((type, ids) -> {
      w.field(type);
      strings(ids, w);
    });
    w.endObject();
  }

  private static void strings(Collection<String> values, InputWriter w) {
    if (values == null) {
      w.nullValue();
      return;
    }
    w.startArray();
    for (String value : values) {
      w.value(value);
    }
    w.endArray();
  }

  private static JsonNode bool(JsonNode n) {
    return n != null && n.isBoolean() ? n : NODES.nullNode();
  }
}
