package dev.tfcheck.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.tfcheck.plan.Address;
import dev.tfcheck.plan.Address.ModuleStep;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Resolves the {@code references} that Terraform lists for an expression to concrete resource
 * instances: following {@code var.*} up into the calling module's arguments, {@code module.x.out}
 * down into the module's output expression, {@code each.value} into the {@code for_each}
 * collection, and fanning a reference to a counted or for_each resource (or module) out to its
 * instances in the plan.
 *
 * <p>Plan JSON drops an index that is not a literal: {@code aws_iam_role.task[each.key]} is listed
 * as {@code aws_iam_role.task} and {@code each.key}. When an expression of a for_each instance uses
 * {@code each} and references a resource that has an instance with the same key, that instance is
 * taken: the idiom is overwhelmingly {@code x[each.key]}.
 */
final class ReferenceResolver {
  /** Module calls nest far less deeply in practice; this only stops a malformed plan looping. */
  private static final int MAX_DEPTH = 256;

  /** What one reference resolves to. {@code constant}: some path ends in a literal (or a default). */
  static final class Resolution {
    final SortedSet<Ref> refs = new TreeSet<>();
    final SortedSet<String> unresolved = new TreeSet<>();
    boolean constant;

    void addAll(Resolution other) {
      refs.addAll(other.refs);
      unresolved.addAll(other.unresolved);
      constant |= other.constant;
    }
  }

  /**
   * Where an expression is evaluated: a module instance and, inside a for_each resource or module
   * call, the instance key and the references of the for_each collection (evaluated in
   * {@code forEachModule}).
   */
  record Scope(List<ModuleStep> module, Object eachKey, JsonNode forEach, List<ModuleStep> forEachModule) {
    static Scope of(List<ModuleStep> module) {
      return new Scope(module, null, MissingNode.getInstance(), module);
    }

    boolean hasEach() {
      return forEach.isArray() && !forEach.isEmpty();
    }
  }

  private final ConfigModule root;
  // Keyed by module instance path (lists of records compare by value): a text key would be built
  // again at every reference of every resource.
  /** module instance -> local name ({@code aws_s3_bucket.media}) -> instances. */
  private final Map<List<ModuleStep>, Map<String, List<Resource>>> instances = new HashMap<>();
  /** parent module instance -> call name -> child module instance paths, in plan order. */
  private final Map<List<ModuleStep>, Map<String, Set<List<ModuleStep>>>> children = new HashMap<>();
  /** module instance -> reference -> resolution, for references that do not depend on each. */
  private final Map<List<ModuleStep>, Map<String, Resolution>> memo = new HashMap<>();

  ReferenceResolver(ConfigModule root, Iterable<Resource> resources) {
    this.root = root;
    Set<List<ModuleStep>> modules = new LinkedHashSet<>();
    for (Resource r : resources) {
      Address a = r.address();
      instances.computeIfAbsent(a.modulePath(), k -> new HashMap<>())
          .computeIfAbsent(a.localName(), k -> new ArrayList<>()).add(r);
      modules.add(a.modulePath());
    }
    for (List<ModuleStep> path : modules) {
      for (int i = 0; i < path.size(); i++) {
        children
            .computeIfAbsent(path.subList(0, i), k -> new HashMap<>())
            .computeIfAbsent(path.get(i).name(), k -> new LinkedHashSet<>())
            .add(path.subList(0, i + 1));
      }
    }
  }

  /** Resolves an expression's {@code references} in the scope of resource instance {@code r}. */
  Resolution resolve(JsonNode references, Resource r, JsonNode config) {
    JsonNode forEach = config.path("for_each_expression").path("references");
    Scope scope = forEach.isArray() && !forEach.isEmpty()
        ? new Scope(r.address().modulePath(), r.address().key(), forEach, r.address().modulePath())
        : Scope.of(r.address().modulePath());
    return resolve(references, scope, 0);
  }

  private Resolution resolve(JsonNode references, Scope scope, int depth) {
    Resolution result = new Resolution();
    List<String> refs = new ArrayList<>();
    for (JsonNode r : references) {
      if (r.isTextual()) {
        refs.add(r.asText());
      }
    }
    boolean usesEach = false;
    for (String ref : refs) {
      usesEach |= ref.startsWith("each.");
    }
    for (String ref : maximal(refs)) {
      result.addAll(resolveOne(ref, scope, usesEach && scope.hasEach(), depth));
    }
    return result;
  }

  /**
   * Terraform lists a traversal and its prefixes ({@code aws_kms_key.a.arn}, {@code aws_kms_key.a});
   * only the longest says what is used.
   */
  static List<String> maximal(List<String> refs) {
    List<String> out = new ArrayList<>();
    for (String r : refs) {
      boolean prefix = false;
      for (String other : refs) {
        if (other.length() > r.length() && other.startsWith(r)
            && (other.charAt(r.length()) == '.' || other.charAt(r.length()) == '[')) {
          prefix = true;
          break;
        }
      }
      if (!prefix && !out.contains(r)) {
        out.add(r);
      }
    }
    return out;
  }

  private Resolution resolveOne(String ref, Scope scope, boolean narrowByKey, int depth) {
    boolean memoizable = !narrowByKey && !ref.startsWith("each.");
    Map<String, Resolution> moduleMemo = memoizable ? memo.computeIfAbsent(scope.module(), k -> new HashMap<>()) : Map.of();
    Resolution cached = moduleMemo.get(ref);
    if (cached != null) {
      return cached;
    }
    Resolution result = new Resolution();
    List<Traversal.Step> steps = depth > MAX_DEPTH ? null : parse(ref);
    if (steps == null) {
      result.unresolved.add(ref);
      return result;
    }
    String head = steps.get(0).name();
    switch (head == null ? "" : head) {
      case "var" -> variable(ref, steps, scope.module(), depth, result);
      case "module" -> moduleOutput(ref, steps, scope.module(), depth, result);
      case "data" -> resource(ref, "data", steps.subList(1, steps.size()), scope, narrowByKey, result);
      case "each" -> each(ref, steps, scope, depth, result);
      case "local", "count", "path", "terraform", "self", "" -> result.unresolved.add(ref);
      default -> resource(ref, "managed", steps, scope, narrowByKey, result);
    }
    if (memoizable) {
      moduleMemo.put(ref, result);
    }
    return result;
  }

  private static List<Traversal.Step> parse(String ref) {
    try {
      return Traversal.parse(ref);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** {@code each.value}: an element of the for_each collection, so whatever the collection references. */
  private void each(String ref, List<Traversal.Step> steps, Scope scope, int depth, Resolution out) {
    if (steps.size() >= 2 && "value".equals(steps.get(1).name()) && scope.hasEach()) {
      out.addAll(resolve(scope.forEach(), Scope.of(scope.forEachModule()), depth + 1));
    } else {
      out.unresolved.add(ref); // each.key is a key, not a resource
    }
  }

  /** {@code var.NAME}: the argument the calling module passes, resolved in the caller. */
  private void variable(String ref, List<Traversal.Step> steps, List<ModuleStep> module, int depth, Resolution out) {
    if (module.isEmpty() || steps.size() < 2 || steps.get(1).name() == null) {
      out.unresolved.add(ref);
      return;
    }
    List<ModuleStep> parent = module.subList(0, module.size() - 1);
    ModuleStep step = module.get(module.size() - 1);
    ConfigModule caller = root.descend(names(parent));
    ConfigModule.Call call = caller == null ? null : caller.calls.get(step.name());
    if (call == null) {
      out.unresolved.add(ref);
      return;
    }
    JsonNode argument = call.expressions().get(steps.get(1).name());
    if (argument == null) {
      out.constant = true; // not passed: the variable's default
      return;
    }
    out.constant |= argument.has("constant_value");
    JsonNode forEach = call.forEach().path("references");
    Scope callerScope = forEach.isArray() && !forEach.isEmpty()
        ? new Scope(parent, step.key(), forEach, parent)
        : Scope.of(parent);
    out.addAll(resolve(argument.path("references"), callerScope, depth + 1));
  }

  /** {@code module.NAME[KEY].OUTPUT}: the output's expression, resolved in each module instance. */
  private void moduleOutput(String ref, List<Traversal.Step> steps, List<ModuleStep> module, int depth, Resolution out) {
    if (steps.size() < 2 || steps.get(1).name() == null) {
      out.unresolved.add(ref);
      return;
    }
    String call = steps.get(1).name();
    int next = 2;
    boolean keyed = steps.size() > next && steps.get(next).isIndex();
    Object key = keyed ? steps.get(next).index() : null;
    if (keyed) {
      next++;
    }
    if (steps.size() <= next || steps.get(next).name() == null) {
      out.unresolved.add(ref); // the whole module object: nothing specific to follow
      return;
    }
    ConfigModule child = root.descend(concat(names(module), call));
    JsonNode expression = child == null ? null : child.outputs.get(steps.get(next).name());
    if (expression == null) {
      out.unresolved.add(ref);
      return;
    }
    out.constant |= expression.has("constant_value");
    Set<List<ModuleStep>> instancesOfCall =
        children.getOrDefault(module, Map.of()).getOrDefault(call, Set.of());
    for (List<ModuleStep> instance : instancesOfCall) {
      if (!keyed || keyMatches(instance.get(instance.size() - 1).key(), key)) {
        out.addAll(resolve(expression.path("references"), Scope.of(instance), depth + 1));
      }
    }
  }

  /** {@code TYPE.NAME[KEY].ATTR...} in the same module instance. */
  private void resource(String ref, String mode, List<Traversal.Step> steps, Scope scope, boolean narrowByKey,
      Resolution out) {
    if (steps.size() < 2 || steps.get(0).name() == null || steps.get(1).name() == null) {
      out.unresolved.add(ref);
      return;
    }
    String local = ("data".equals(mode) ? "data." : "") + steps.get(0).name() + "." + steps.get(1).name();
    List<Resource> candidates = instances.getOrDefault(scope.module(), Map.of()).get(local);
    if (candidates == null) {
      out.unresolved.add(ref);
      return;
    }
    int next = 2;
    boolean keyed = steps.size() > next && steps.get(next).isIndex();
    Object key = keyed ? steps.get(next).index() : null;
    if (keyed) {
      next++;
    } else if (narrowByKey && hasInstance(candidates, scope.eachKey())) {
      keyed = true;
      key = scope.eachKey();
    }
    StringBuilder attribute = new StringBuilder();
    for (int i = next; i < steps.size(); i++) {
      if (attribute.length() > 0) {
        attribute.append('.');
      }
      Traversal.Step s = steps.get(i);
      attribute.append(s.isIndex() ? String.valueOf(s.index()) : s.name());
    }
    boolean matched = false;
    for (Resource r : candidates) {
      if (!keyed || keyMatches(r.address().key(), key)) {
        out.refs.add(new Ref(r.id(), r.type(), attribute.toString()));
        matched = true;
      }
    }
    if (!matched) {
      out.unresolved.add(ref);
    }
  }

  private static boolean hasInstance(List<Resource> candidates, Object key) {
    for (Resource r : candidates) {
      if (keyMatches(r.address().key(), key)) {
        return true;
      }
    }
    return false;
  }

  private static boolean keyMatches(Object instanceKey, Object refKey) {
    return instanceKey != null && refKey != null && String.valueOf(instanceKey).equals(String.valueOf(refKey));
  }

  private static List<String> names(List<ModuleStep> module) {
    List<String> names = new ArrayList<>(module.size());
    for (ModuleStep s : module) {
      names.add(s.name());
    }
    return names;
  }

  private static List<String> concat(List<String> list, String last) {
    List<String> out = new ArrayList<>(list);
    out.add(last);
    return out;
  }
}
