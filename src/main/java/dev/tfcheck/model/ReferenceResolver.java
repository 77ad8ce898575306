package dev.tfcheck.model;

import com.fasterxml.jackson.databind.JsonNode;
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
 * down into the module's output expression, and fanning a reference to a counted or for_each
 * resource (or module) out to its instances in the plan.
 */
final class ReferenceResolver {
  /** Module calls nest far less deeply in practice; this only stops a malformed plan looping. */
  private static final int MAX_DEPTH = 256;

  /** What one reference resolves to. */
  record Resolution(SortedSet<Ref> refs, SortedSet<String> unresolved) {
    static Resolution empty() {
      return new Resolution(new TreeSet<>(), new TreeSet<>());
    }

    void addAll(Resolution other) {
      refs.addAll(other.refs);
      unresolved.addAll(other.unresolved);
    }
  }

  private final ConfigModule root;
  /** moduleText + "|" + localName -> instances. */
  private final Map<String, List<Resource>> instances = new HashMap<>();
  /** parent module text -> call name -> child module instance paths, in plan order. */
  private final Map<String, Map<String, Set<List<ModuleStep>>>> children = new HashMap<>();
  /** (module text, reference) -> resolution: many resources reference the same few things. */
  private final Map<String, Resolution> memo = new HashMap<>();

  ReferenceResolver(ConfigModule root, Iterable<Resource> resources) {
    this.root = root;
    for (Resource r : resources) {
      Address a = r.address();
      instances.computeIfAbsent(a.module() + "|" + a.localName(), k -> new ArrayList<>()).add(r);
      List<ModuleStep> path = a.modulePath();
      for (int i = 0; i < path.size(); i++) {
        children
            .computeIfAbsent(Address.moduleText(path.subList(0, i)), k -> new HashMap<>())
            .computeIfAbsent(path.get(i).name(), k -> new LinkedHashSet<>())
            .add(List.copyOf(path.subList(0, i + 1)));
      }
    }
  }

  /** Resolves an expression's {@code references}, evaluated in module instance {@code module}. */
  Resolution resolve(JsonNode references, List<ModuleStep> module) {
    return resolve(references, module, 0);
  }

  private Resolution resolve(JsonNode references, List<ModuleStep> module, int depth) {
    Resolution result = Resolution.empty();
    List<String> refs = new ArrayList<>();
    for (JsonNode r : references) {
      if (r.isTextual()) {
        refs.add(r.asText());
      }
    }
    for (String ref : maximal(refs)) {
      result.addAll(resolveOne(ref, module, depth));
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

  private Resolution resolveOne(String ref, List<ModuleStep> module, int depth) {
    String key = Address.moduleText(module) + "|" + ref;
    Resolution cached = memo.get(key);
    if (cached != null) {
      return cached;
    }
    Resolution result = Resolution.empty();
    if (depth > MAX_DEPTH) {
      result.unresolved.add(ref);
      return result;
    }
    List<Traversal.Step> steps;
    try {
      steps = Traversal.parse(ref);
    } catch (IllegalArgumentException e) {
      result.unresolved.add(ref);
      return result;
    }
    String head = steps.get(0).name();
    switch (head == null ? "" : head) {
      case "var" -> variable(ref, steps, module, depth, result);
      case "module" -> moduleOutput(ref, steps, module, depth, result);
      case "data" -> resource(ref, "data", steps.subList(1, steps.size()), module, result);
      case "local", "each", "count", "path", "terraform", "self", "" -> result.unresolved.add(ref);
      default -> resource(ref, "managed", steps, module, result);
    }
    memo.put(key, result);
    return result;
  }

  /** {@code var.NAME}: the argument the calling module passes, resolved in the caller. */
  private void variable(String ref, List<Traversal.Step> steps, List<ModuleStep> module, int depth, Resolution out) {
    if (module.isEmpty() || steps.size() < 2 || steps.get(1).name() == null) {
      out.unresolved.add(ref);
      return;
    }
    List<ModuleStep> parent = module.subList(0, module.size() - 1);
    ConfigModule caller = root.descend(names(parent));
    ConfigModule.Call call = caller == null ? null : caller.calls.get(module.get(module.size() - 1).name());
    if (call == null) {
      out.unresolved.add(ref);
      return;
    }
    JsonNode argument = call.expressions().get(steps.get(1).name());
    if (argument == null) {
      return; // not passed: the variable's default, a constant
    }
    out.addAll(resolve(argument.path("references"), parent, depth + 1));
  }

  /** {@code module.NAME[KEY].OUTPUT}: the output's expression, resolved in each module instance. */
  private void moduleOutput(String ref, List<Traversal.Step> steps, List<ModuleStep> module, int depth, Resolution out) {
    if (steps.size() < 2 || steps.get(1).name() == null) {
      out.unresolved.add(ref);
      return;
    }
    String call = steps.get(1).name();
    int next = 2;
    Object key = null;
    boolean keyed = steps.size() > next && steps.get(next).isIndex();
    if (keyed) {
      key = steps.get(next).index();
      next++;
    }
    if (steps.size() <= next || steps.get(next).name() == null) {
      out.unresolved.add(ref); // the whole module object: nothing specific to follow
      return;
    }
    String output = steps.get(next).name();
    Set<List<ModuleStep>> instancesOfCall =
        children.getOrDefault(Address.moduleText(module), Map.of()).getOrDefault(call, Set.of());
    ConfigModule child = root.descend(concat(names(module), call));
    JsonNode expression = child == null ? null : child.outputs.get(output);
    if (expression == null) {
      out.unresolved.add(ref);
      return;
    }
    for (List<ModuleStep> instance : instancesOfCall) {
      if (!keyed || keyMatches(instance.get(instance.size() - 1).key(), key)) {
        out.addAll(resolve(expression.path("references"), instance, depth + 1));
      }
    }
  }

  /** {@code TYPE.NAME[KEY].ATTR...} in the same module instance. */
  private void resource(String ref, String mode, List<Traversal.Step> steps, List<ModuleStep> module, Resolution out) {
    if (steps.size() < 2 || steps.get(0).name() == null || steps.get(1).name() == null) {
      out.unresolved.add(ref);
      return;
    }
    String local = ("data".equals(mode) ? "data." : "") + steps.get(0).name() + "." + steps.get(1).name();
    List<Resource> candidates = instances.get(Address.moduleText(module) + "|" + local);
    if (candidates == null) {
      out.unresolved.add(ref);
      return;
    }
    int next = 2;
    boolean keyed = steps.size() > next && steps.get(next).isIndex();
    Object key = keyed ? steps.get(next).index() : null;
    if (keyed) {
      next++;
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

  private static boolean keyMatches(Object instanceKey, Object refKey) {
    return instanceKey != null && String.valueOf(instanceKey).equals(String.valueOf(refKey));
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
