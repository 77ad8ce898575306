package dev.tfcheck.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tfcheck.plan.Address;
import dev.tfcheck.plan.Plan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads a {@link Plan} into a {@link Model}: resource instances from {@code resource_changes}
 * (then data sources read during planning from {@code prior_state}, and {@code planned_values} for
 * plans without changes), sensitive values masked on the way in, configuration expressions resolved
 * to resources, and IAM and ECS facts derived.
 */
public final class ModelBuilder {
  private ModelBuilder() {}

  public static Model build(Plan plan) {
    SortedMap<String, Resource> resources = new TreeMap<>();
    Map<String, List<JsonNode>> containers = new HashMap<>();
    readChanges(plan.section("resource_changes"), resources, containers);
    readStateModule(plan.section("prior_state").path("values").path("root_module"), true, resources, containers);
    if (!plan.root().has("resource_changes")) {
      readStateModule(plan.section("planned_values").path("root_module"), false, resources, containers);
    }

    ConfigModule config = ConfigModule.of(plan.section("configuration").path("root_module"));
    ReferenceResolver resolver = new ReferenceResolver(config, resources.values());
    for (Resource r : resources.values()) {
      ConfigModule module = config.descend(r.address().moduleNames());
      JsonNode cfg = module == null ? null : module.resources.get(r.address().localName());
      if (cfg != null) {
        flatten(cfg.path("expressions"), "", r, cfg, resolver);
      }
    }
    for (Resource r : resources.values()) {
      for (Map.Entry<String, Expression> e : r.expressions.entrySet()) {
        for (Ref ref : e.getValue().refs()) {
          Resource target = resources.get(ref.address());
          if (target != null && target != r) {
            target.referencedBy.add(new Resource.Backref(r.id(), r.type(), e.getKey()));
          }
        }
      }
    }
    linkClusterInstances(resources);
    PolicyDocuments.attach(resources);
    TaskDefinitions.resolveRoles(resources, containers);
    return new Model(plan, resources, IamRoles.build(resources));
  }

  private static void readChanges(JsonNode changes, SortedMap<String, Resource> out, Map<String, List<JsonNode>> containers) {
    for (JsonNode rc : changes) {
      if (rc.hasNonNull("deposed")) {
        continue; // a leftover object of a create_before_destroy replacement; always deleted
      }
      Address address = address(rc);
      JsonNode change = rc.path("change");
      JsonNode after = change.get("after");
      JsonNode afterSensitive = change.get("after_sensitive");
      JsonNode before = change.get("before");
      JsonNode beforeSensitive = change.get("before_sensitive");
      SortedSet<String> sensitive = ValueTrees.truePaths(afterSensitive);
      sensitive.addAll(ValueTrees.truePaths(beforeSensitive));
      JsonNode values = ValueTrees.mask(after, afterSensitive);
      JsonNode masked = ValueTrees.mask(before, beforeSensitive);
      List<String> actions = new ArrayList<>();
      for (JsonNode a : change.path("actions")) {
        actions.add(a.asText());
      }
      List<String> replacePaths = new ArrayList<>();
      for (JsonNode p : change.path("replace_paths")) {
        replacePaths.add(dotted(p));
      }
      Resource r = new Resource(address, text(rc.get("provider_name")), actions, text(rc.get("action_reason")),
          replacePaths, text(rc.get("previous_address")), change.hasNonNull("importing"),
          values != null && values.isObject() ? values : ValueTrees.emptyObject(),
          masked != null && masked.isObject() ? masked : null,
          ValueTrees.truePaths(change.get("after_unknown")), sensitive);
      if (out.putIfAbsent(r.id(), r) == null && TaskDefinitions.TYPE.equals(address.type())) {
        parseContainers(r, after, containers);
      }
    }
  }

  /** Resources of a state-shaped module tree ({@code prior_state} or {@code planned_values}). */
  private static void readStateModule(JsonNode module, boolean dataOnly, SortedMap<String, Resource> out,
      Map<String, List<JsonNode>> containers) {
    for (JsonNode res : module.path("resources")) {
      if (dataOnly && !"data".equals(res.path("mode").asText())) {
        continue;
      }
      Address address = address(res);
      if (out.containsKey(address.toString())) {
        continue;
      }
      JsonNode raw = res.get("values");
      JsonNode sens = res.get("sensitive_values");
      JsonNode values = ValueTrees.mask(raw, sens);
      Resource r = new Resource(address, text(res.get("provider_name")), List.of("no-op"), null, List.of(), null,
          false, values != null && values.isObject() ? values : ValueTrees.emptyObject(), null,
          new TreeSet<>(), ValueTrees.truePaths(sens));
      out.put(r.id(), r);
      if (TaskDefinitions.TYPE.equals(address.type())) {
        parseContainers(r, raw, containers);
      }
    }
    for (JsonNode child : module.path("child_modules")) {
      readStateModule(child, dataOnly, out, containers);
    }
  }

  private static void parseContainers(Resource r, JsonNode rawValues, Map<String, List<JsonNode>> containers) {
    if (rawValues == null || r.isUnknown("container_definitions")) {
      return;
    }
    boolean sensitive = Resource.coveredBy(r.sensitive(), "container_definitions");
    List<JsonNode> parsed = TaskDefinitions.parseContainers(rawValues.get("container_definitions"), sensitive);
    if (parsed != null) {
      containers.put(r.id(), parsed);
    }
  }

  private static Address address(JsonNode node) {
    String text = node.path("address").asText();
    try {
      return Address.parse(text);
    } catch (IllegalArgumentException e) {
      // Fall back on the separate fields, which every format version has.
      JsonNode index = node.get("index");
      Object key = index == null || index.isNull() ? null : index.isNumber() ? (Object) index.asLong() : index.asText();
      return new Address(Address.parseModulePath(node.path("module_address").asText("")),
          node.path("mode").asText("managed"), node.path("type").asText(), node.path("name").asText(), key);
    }
  }

  /**
   * Walks a resource's configuration expressions: an attribute is an object holding
   * {@code constant_value} and/or {@code references} (or nothing, for an expression with neither);
   * a nested block is a list of objects of expressions.
   */
  private static void flatten(JsonNode expressions, String prefix, Resource r, JsonNode cfg, ReferenceResolver resolver) {
    for (Iterator<Map.Entry<String, JsonNode>> it = expressions.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String path = ValueTrees.join(prefix, e.getKey());
      JsonNode v = e.getValue();
      if (v.isArray()) {
        for (int i = 0; i < v.size(); i++) {
          String blockPath = path + "." + i;
          r.expressions.put(blockPath, Expression.BLOCK);
          flatten(v.get(i), blockPath, r, cfg, resolver);
        }
      } else if (v.isObject() && isExpression(v)) {
        ReferenceResolver.Resolution res = resolver.resolve(v.path("references"), r, cfg);
        r.expressions.put(path, new Expression(v.has("constant_value") || res.constant, false, res.refs, res.unresolved));
      } else if (v.isObject()) {
        r.expressions.put(path, Expression.BLOCK);
        flatten(v, path, r, cfg, resolver);
      }
    }
  }

  private static boolean isExpression(JsonNode v) {
    for (Iterator<String> names = v.fieldNames(); names.hasNext(); ) {
      String n = names.next();
      if (!"constant_value".equals(n) && !"references".equals(n)) {
        return false;
      }
    }
    return true;
  }

  /** An aws_rds_cluster's instances: those whose cluster_identifier references it or names it. */
  private static void linkClusterInstances(SortedMap<String, Resource> resources) {
    Map<String, Resource> clustersByIdentifier = new HashMap<>();
    for (Resource r : resources.values()) {
      JsonNode id = "aws_rds_cluster".equals(r.type()) ? r.value("cluster_identifier") : null;
      if (id != null && id.isTextual()) {
        clustersByIdentifier.put(id.asText(), r);
      }
    }
    for (Resource instance : resources.values()) {
      if (!"aws_rds_cluster_instance".equals(instance.type()) || instance.isDeleteOnly()) {
        continue;
      }
      boolean linked = false;
      for (Ref ref : instance.refs("cluster_identifier")) {
        Resource cluster = resources.get(ref.address());
        if (cluster != null && "aws_rds_cluster".equals(cluster.type())) {
          cluster.clusterInstances.add(instance.id());
          linked = true;
        }
      }
      JsonNode id = instance.value("cluster_identifier");
      if (!linked && id != null && clustersByIdentifier.containsKey(id.asText())) {
        clustersByIdentifier.get(id.asText()).clusterInstances.add(instance.id());
      }
    }
  }

  /** A replace path ({@code ["ingress", 0, "cidr_blocks"]}) as a dotted path. */
  private static String dotted(JsonNode path) {
    StringBuilder sb = new StringBuilder();
    for (JsonNode step : path) {
      if (sb.length() > 0) {
        sb.append('.');
      }
      sb.append(step.asText());
    }
    return sb.toString();
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }
}
