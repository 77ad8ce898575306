package dev.tfcheck.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tfcheck.plan.Address;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One resource instance of the plan, as the policies see it: its planned values with the unknown and
 * sensitive parts marked (sensitive ones already replaced), what its configuration sets, and the
 * facts resolved from the rest of the plan. Built by {@link ModelBuilder}, read-only afterwards.
 */
public final class Resource {
  /** A resource whose expression at {@code path} references this one. */
  public record Backref(String address, String type, String path) implements Comparable<Backref> {
    @Override
    public int compareTo(Backref o) {
      int c = address.compareTo(o.address);
      return c != 0 ? c : path.compareTo(o.path);
    }
  }

  private final Address address;
  /** The address as text, computed once: it is every map's key. */
  private final String id;
  private final String provider;
  private final List<String> actions;
  private final String actionReason;
  private final List<String> replacePaths;
  private final String previousAddress;
  private final boolean importing;
  private final JsonNode values;
  private final JsonNode before;
  private final SortedSet<String> unknown;
  private final SortedSet<String> sensitive;

  final SortedMap<String, Expression> expressions = new TreeMap<>();
  final SortedSet<Backref> referencedBy = new TreeSet<>();
  final List<PolicyDocument> policyDocuments = new ArrayList<>();
  TaskDefinition taskDefinition;
  final SortedSet<String> clusterInstances = new TreeSet<>();

  Resource(Address address, String provider, List<String> actions, String actionReason,
      List<String> replacePaths, String previousAddress, boolean importing, JsonNode values,
      JsonNode before, SortedSet<String> unknown, SortedSet<String> sensitive) {
    this.address = Objects.requireNonNull(address, "address");
    this.id = address.toString();
    this.provider = provider;
    this.actions = List.copyOf(actions);
    this.actionReason = actionReason;
    this.replacePaths = List.copyOf(replacePaths);
    this.previousAddress = previousAddress;
    this.importing = importing;
    this.values = Objects.requireNonNull(values, "values");
    this.before = before;
    this.unknown = Collections.unmodifiableSortedSet(unknown);
    this.sensitive = Collections.unmodifiableSortedSet(sensitive);
  }

  public Address address() {
    return address;
  }

  /** The full instance address, the resource's identity. */
  public String id() {
    return id;
  }

  public String type() {
    return address.type();
  }

  public boolean isData() {
    return "data".equals(address.mode());
  }

  public String provider() {
    return provider;
  }

  public List<String> actions() {
    return actions;
  }

  /** End-state rules skip resources that are only being destroyed. */
  public boolean isDeleteOnly() {
    return actions.size() == 1 && "delete".equals(actions.get(0));
  }

  public String actionReason() {
    return actionReason;
  }

  public List<String> replacePaths() {
    return replacePaths;
  }

  public String previousAddress() {
    return previousAddress;
  }

  public boolean importing() {
    return importing;
  }

  /** Planned values after apply; unknown values absent, sensitive ones replaced by the marker. */
  public JsonNode values() {
    return values;
  }

  /** Values before the change (sensitive ones replaced), or null on create. */
  public JsonNode before() {
    return before;
  }

  public SortedSet<String> unknown() {
    return unknown;
  }

  public SortedSet<String> sensitive() {
    return sensitive;
  }

  public SortedMap<String, Expression> expressions() {
    return Collections.unmodifiableSortedMap(expressions);
  }

  public SortedSet<Backref> referencedBy() {
    return Collections.unmodifiableSortedSet(referencedBy);
  }

  public List<PolicyDocument> policyDocuments() {
    return Collections.unmodifiableList(policyDocuments);
  }

  /** The parsed task definition, for {@code aws_ecs_task_definition}; null otherwise. */
  public TaskDefinition taskDefinition() {
    return taskDefinition;
  }

  /** For {@code aws_rds_cluster}: the cluster instances that belong to it. */
  public SortedSet<String> clusterInstances() {
    return Collections.unmodifiableSortedSet(clusterInstances);
  }

  /** Whether the value at a dotted path, or one of its parents, is unknown until apply. */
  public boolean isUnknown(String path) {
    return coveredBy(unknown, path);
  }

  /** Whether one of paths is path or a parent of it ("" is the parent of every path). */
  static boolean coveredBy(SortedSet<String> paths, String path) {
    for (String p : paths) {
      // path equals p or starts with p + "." (tested without building that string: this runs for
      // every attribute the model reads, over every unknown path of the resource)
      if (p.isEmpty() || path.startsWith(p) && (path.length() == p.length() || path.charAt(p.length()) == '.')) {
        return true;
      }
    }
    return false;
  }

  /** The known value at a dotted path, or null when unknown, absent or null. */
  public JsonNode value(String path) {
    if (isUnknown(path)) {
      return null;
    }
    JsonNode node = values;
    for (String part : path.split("\\.")) {
      node = node.isArray() && isIndex(part) ? node.get(Integer.parseInt(part)) : node.get(part);
      if (node == null || node.isNull()) {
        return null;
      }
    }
    return node;
  }

  private static boolean isIndex(String s) {
    if (s.isEmpty() || s.length() > 9) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** The resolved references of the expression at {@code path} (empty when not configured). */
  public SortedSet<Ref> refs(String path) {
    Expression e = expressions.get(path);
    return e == null ? Collections.emptySortedSet() : e.refs();
  }

  @Override
  public String toString() {
    return id();
  }
}
