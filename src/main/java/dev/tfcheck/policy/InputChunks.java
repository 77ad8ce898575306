package dev.tfcheck.policy;

import dev.tfcheck.model.Model;
import dev.tfcheck.model.PolicyDocument;
import dev.tfcheck.model.Resource;
import dev.tfcheck.model.TaskDefinition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeMap;

/**
 * Cuts a large plan into inputs of bounded size for the Wasm engine (about 6 bytes of Wasm memory
 * per byte of input JSON to evaluate every rule at once, at most 4 GiB): each chunk judges whole
 * top-level module instances (a tenant's module, the root module's resources) and carries, as
 * context, everything they reference (transitively) and what references them from the same
 * top-level module instance (a bucket's public access block, a role's policies). Results are kept
 * only for the resources a chunk judges.
 *
 * <p>What a chunk cannot see: a resource referencing a judged one from another top-level module
 * instance (a root-level bucket's public access block declared inside a module). Plans small enough
 * to be judged whole never meet this limit.
 */
final class InputChunks {
  /**
   * One evaluation: the resources whose results count, and every resource its input holds. Hash
   * sets (in the order resources were added): both are asked about every resource of the chunk.
   */
  record Chunk(Set<String> judged, Set<String> members) {}

  /**
   * How many resources an evaluation may hold per resource it judges (what they reference and what
   * references them): beyond it, a chunk would outgrow the Wasm memory a whole chunk was sized for.
   */
  private static final int MAX_MEMBERS_PER_JUDGED = 4;

  private InputChunks() {}

  static List<Chunk> of(Model model, int maxJudged) {
    Map<String, List<String>> groups = new TreeMap<>();
    for (Resource r : model.resources().values()) {
      List<?> path = r.address().modulePath();
      String group = path.isEmpty() ? "" : path.get(0).toString();
      groups.computeIfAbsent(group, g -> new ArrayList<>()).add(r.id());
    }
    List<Chunk> chunks = new ArrayList<>();
    Set<String> judged = new LinkedHashSet<>();
    for (Map.Entry<String, List<String>> group : groups.entrySet()) {
      for (String address : group.getValue()) {
        judged.add(address);
        if (judged.size() >= maxJudged) {
          chunks.add(chunk(model, judged));
          judged = new LinkedHashSet<>();
        }
      }
      if (judged.size() >= maxJudged / 2) {
        chunks.add(chunk(model, judged));
        judged = new LinkedHashSet<>();
      }
    }
    if (!judged.isEmpty()) {
      chunks.add(chunk(model, judged));
    }
    return chunks;
  }

  private static Chunk chunk(Model model, Set<String> judged) {
    Set<String> members = new LinkedHashSet<>(judged);
    Deque<String> todo = new ArrayDeque<>(judged);
    for (String address : judged) {
      Resource r = model.resources().get(address);
      String group = group(r);
      for (Resource.Backref b : r.referencedBy()) {
        Resource from = model.resources().get(b.address());
        if (from != null && group.equals(group(from)) && members.add(from.id())) {
          todo.add(from.id());
        }
      }
    }
    while (!todo.isEmpty()) {
      Resource r = model.resources().get(todo.poll());
      if (r == null) {
        continue;
      }
      for (String target : forward(r)) {
        if (model.resources().containsKey(target) && members.add(target)) {
          todo.add(target);
        }
      }
    }
    if (members.size() > maxMembers(judged)) {
      throw tooLarge(model, judged, members.size());
    }
    return new Chunk(Collections.unmodifiableSet(judged), Collections.unmodifiableSet(members));
  }

  private static int maxMembers(Set<String> judged) {
    return Math.max(judged.size(), RulePolicies.CHUNK_RESOURCES) * MAX_MEMBERS_PER_JUDGED;
  }

  /**
   * A chunk that cannot fit: its resources are referenced by (or reference) too many others of their
   * module instance to be judged apart from them. Refused rather than judged without its context.
   */
  private static PolicyFailure tooLarge(Model model, Set<String> judged, int members) {
    Resource hub = null;
    for (String address : judged) {
      Resource r = model.resources().get(address);
      if (hub == null || r.referencedBy().size() > hub.referencedBy().size()) {
        hub = r;
      }
    }
    return new PolicyFailure("is too large to judge: judging " + judged.size() + " of its resources needs "
        + members + " in one evaluation (" + hub.id() + " alone is referenced by " + hub.referencedBy().size()
        + "), more than the " + maxMembers(judged) + " the policy engine's memory holds");
  }

  private static String group(Resource r) {
    return r.address().modulePath().isEmpty() ? "" : r.address().modulePath().get(0).toString();
  }

  /** Every resource a resource's facts point at. */
  private static List<String> forward(Resource r) {
    List<String> out = new ArrayList<>();
    r.expressions().values().forEach(e -> e.refs().forEach(ref -> out.add(ref.address())));
    out.addAll(r.clusterInstances());
    for (PolicyDocument d : r.policyDocuments()) {
      out.addAll(d.from());
      d.statements().forEach(s -> s.refs().forEach(f -> out.add(f.ref().address())));
    }
    TaskDefinition td = r.taskDefinition();
    if (td != null) {
      addIfSet(out, td.task().address());
      addIfSet(out, td.execution().address());
    }
    return out;
  }

  private static void addIfSet(List<String> out, String address) {
    if (address != null) {
      out.add(address);
    }
  }
}
