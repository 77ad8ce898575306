package dev.tfcheck.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tfcheck.plan.Json;
import java.util.Iterator;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Terraform describes which parts of a value are unknown or sensitive with a parallel tree
 * ({@code after_unknown}, {@code after_sensitive}, {@code sensitive_values}) holding {@code true}
 * where the property holds for the whole subtree. These helpers turn such trees into dotted paths
 * and apply the sensitive one to a value.
 */
public final class ValueTrees {
  /** What every sensitive value becomes before anything else sees it. */
  public static final String SENSITIVE = "(sensitive)";

  private static final TextNode SENSITIVE_NODE = TextNode.valueOf(SENSITIVE);

  private ValueTrees() {}

  /** The maximal dotted paths at which {@code marks} is {@code true} ({@code ""} for the root). */
  public static SortedSet<String> truePaths(JsonNode marks) {
    SortedSet<String> paths = new TreeSet<>();
    collect(marks, "", paths);
    return paths;
  }

  private static void collect(JsonNode marks, String prefix, SortedSet<String> out) {
    if (marks == null) {
      return;
    }
    if (marks.isBoolean()) {
      if (marks.booleanValue()) {
        out.add(prefix);
      }
    } else if (marks.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = marks.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        collect(e.getValue(), join(prefix, e.getKey()), out);
      }
    } else if (marks.isArray()) {
      for (int i = 0; i < marks.size(); i++) {
        collect(marks.get(i), join(prefix, Integer.toString(i)), out);
      }
    }
  }

  public static String join(String prefix, String part) {
    return prefix.isEmpty() ? part : prefix + "." + part;
  }

  /**
   * A copy of {@code value} in which every part that {@code sensitive} marks is replaced by
   * {@link #SENSITIVE}. Unmarked parts are shared, not copied.
   */
  public static JsonNode mask(JsonNode value, JsonNode sensitive) {
    if (value == null || value.isNull() || sensitive == null) {
      return value;
    }
    if (sensitive.isBoolean()) {
      return sensitive.booleanValue() ? SENSITIVE_NODE : value;
    }
    if (sensitive.isObject() && value.isObject() && sensitive.size() > 0) {
      ObjectNode copy = null;
      for (Iterator<Map.Entry<String, JsonNode>> it = sensitive.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode child = value.get(e.getKey());
        if (child == null) {
          continue;
        }
        JsonNode masked = mask(child, e.getValue());
        if (masked != child) {
          if (copy == null) {
            copy = ((ObjectNode) value).deepCopy();
          }
          copy.set(e.getKey(), masked);
        }
      }
      return copy == null ? value : copy;
    }
    if (sensitive.isArray() && value.isArray() && sensitive.size() > 0) {
      ArrayNode copy = null;
      for (int i = 0; i < sensitive.size() && i < value.size(); i++) {
        JsonNode child = value.get(i);
        JsonNode masked = mask(child, sensitive.get(i));
        if (masked != child) {
          if (copy == null) {
            copy = ((ArrayNode) value).deepCopy();
          }
          copy.set(i, masked);
        }
      }
      return copy == null ? value : copy;
    }
    // The marks do not follow the value's shape: fail closed if anything below is sensitive.
    return truePaths(sensitive).isEmpty() ? value : SENSITIVE_NODE;
  }

  /** An empty object, for absent values. */
  static ObjectNode emptyObject() {
    return Json.nodes().objectNode();
  }
}
