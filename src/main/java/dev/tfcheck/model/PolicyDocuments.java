package dev.tfcheck.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tfcheck.plan.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds and parses the IAM policy documents in a plan: JSON strings in {@code policy},
 * {@code assume_role_policy} and {@code inline_policy} attributes (from literal JSON or
 * {@code jsonencode}), and {@code aws_iam_policy_document} data sources, from their {@code json} when
 * known and from their statement blocks when not. A policy attribute known only after apply that
 * references a policy document data source takes that document's statements.
 */
final class PolicyDocuments {
  static final String POLICY_DOCUMENT_TYPE = "aws_iam_policy_document";

  /** Resource types whose policy attributes are IAM documents, known or not at plan time. */
  private static final Set<String> POLICY_HOLDERS = Set.of(
      "aws_iam_policy", "aws_iam_role_policy", "aws_iam_role", "aws_iam_user_policy",
      "aws_iam_group_policy", "aws_s3_bucket_policy", "aws_kms_key", "aws_ecr_repository_policy",
      "aws_secretsmanager_secret_policy", "aws_sqs_queue_policy", "aws_sns_topic_policy",
      "aws_cloudwatch_log_resource_policy", "aws_ecr_registry_policy");

  private static final List<String> POLICY_ATTRIBUTES = List.of("policy", "assume_role_policy");

  private PolicyDocuments() {}

  /** Attaches policy documents to every resource: policy document data sources first. */
  static void attach(Map<String, Resource> resources) {
    for (Resource r : resources.values()) {
      if (r.isData() && POLICY_DOCUMENT_TYPE.equals(r.type())) {
        r.policyDocuments.add(fromDataSource(r, resources));
      }
    }
    for (Resource r : resources.values()) {
      if (r.isData() && POLICY_DOCUMENT_TYPE.equals(r.type())) {
        continue;
      }
      for (String attribute : POLICY_ATTRIBUTES) {
        PolicyDocument doc = fromAttribute(r, attribute, resources);
        if (doc != null) {
          r.policyDocuments.add(doc);
        }
      }
      JsonNode inline = r.values().get("inline_policy");
      if ("aws_iam_role".equals(r.type()) && inline != null && inline.isArray()) {
        for (int i = 0; i < inline.size(); i++) {
          PolicyDocument doc = fromAttribute(r, "inline_policy." + i + ".policy", resources);
          if (doc != null) {
            r.policyDocuments.add(doc);
          }
        }
      }
    }
  }

  /** The document at a policy attribute, or null when the resource has none there. */
  private static PolicyDocument fromAttribute(Resource r, String path, Map<String, Resource> resources) {
    if (r.isUnknown(path)) {
      if (!r.expressions.containsKey(path) || !POLICY_HOLDERS.contains(r.type())) {
        // Computed by the provider (an aws_kms_key's default key policy), or not an IAM document
        // (an aws_ecr_lifecycle_policy's policy): nothing to judge.
        return null;
      }
      List<String> from = new ArrayList<>();
      List<Statement> statements = new ArrayList<>();
      boolean known = true;
      for (Ref ref : r.refs(path)) {
        Resource target = resources.get(ref.address());
        if (target != null && POLICY_DOCUMENT_TYPE.equals(target.type()) && !target.policyDocuments.isEmpty()
            && !from.contains(target.id())) {
          PolicyDocument doc = target.policyDocuments.get(0);
          from.add(target.id());
          statements.addAll(doc.statements());
          known &= doc.known();
        }
      }
      return from.isEmpty()
          ? PolicyDocument.unknown(path)
          : new PolicyDocument(path, known, PolicyDocument.REFERENCE, from, statements);
    }
    JsonNode value = r.value(path);
    if (value == null || !value.isTextual() || r.sensitive().contains(path)) {
      return null;
    }
    List<Statement> statements = parseJson(value.asText());
    return statements == null ? null : new PolicyDocument(path, true, PolicyDocument.JSON, List.of(), statements);
  }

  private static PolicyDocument fromDataSource(Resource doc, Map<String, Resource> resources) {
    if (!doc.isUnknown("json")) {
      JsonNode json = doc.value("json");
      List<Statement> parsed = json == null || !json.isTextual() ? null : parseJson(json.asText());
      if (parsed != null) {
        return new PolicyDocument("json", true, PolicyDocument.JSON, List.of(), parsed);
      }
    }
    if (doc.isUnknown("statement")) {
      return PolicyDocument.unknown("json");
    }
    Map<String, Statement> merged = new LinkedHashMap<>();
    List<Statement> unnamed = new ArrayList<>();
    addAll(merged, unnamed, referencedStatements(doc, "source_policy_documents", resources));
    addAll(merged, unnamed, blocks(doc));
    addAll(merged, unnamed, referencedStatements(doc, "override_policy_documents", resources));
    List<Statement> statements = new ArrayList<>(merged.values());
    statements.addAll(unnamed);
    return new PolicyDocument("json", true, PolicyDocument.STATEMENT_BLOCKS, List.of(), statements);
  }

  /** Later statements with the same Sid replace earlier ones, as the data source merges them. */
  private static void addAll(Map<String, Statement> bySid, List<Statement> unnamed, List<Statement> statements) {
    for (Statement s : statements) {
      if (s.sid() == null || s.sid().isEmpty()) {
        unnamed.add(s);
      } else {
        bySid.put(s.sid(), s);
      }
    }
  }

  private static List<Statement> referencedStatements(Resource doc, String attribute, Map<String, Resource> resources) {
    List<Statement> out = new ArrayList<>();
    JsonNode known = doc.values().get(attribute);
    if (known != null && known.isArray()) {
      for (JsonNode s : known) {
        List<Statement> parsed = s.isTextual() ? parseJson(s.asText()) : null;
        if (parsed != null) {
          out.addAll(parsed);
        }
      }
    }
    for (Ref ref : doc.refs(attribute)) {
      Resource target = resources.get(ref.address());
      if (target != null && target != doc && !target.policyDocuments.isEmpty() && doc.isUnknown(attribute)) {
        out.addAll(target.policyDocuments.get(0).statements());
      }
    }
    return out;
  }

  private static List<Statement> blocks(Resource doc) {
    List<Statement> out = new ArrayList<>();
    JsonNode blocks = doc.values().path("statement");
    for (int i = 0; i < blocks.size(); i++) {
      JsonNode b = blocks.get(i);
      String base = "statement." + i;
      SortedSet<String> unknown = new TreeSet<>();
      List<Statement.FieldRef> refs = new ArrayList<>();
      for (String field : List.of("actions", "not_actions", "resources", "not_resources", "principals",
          "not_principals", "condition", "effect", "sid")) {
        String path = base + "." + field;
        if (doc.isUnknown(path) || hasUnknownBelow(doc, path)) {
          unknown.add(fieldName(field));
        }
        for (Ref ref : doc.refs(path)) {
          refs.add(new Statement.FieldRef(fieldName(field), ref));
        }
        for (Map.Entry<String, Expression> e : doc.expressions.subMap(path + ".", path + "/").entrySet()) {
          for (Ref ref : e.getValue().refs()) {
            refs.add(new Statement.FieldRef(fieldName(field), ref));
          }
        }
      }
      out.add(new Statement(
          text(b.get("sid")),
          text(b.get("effect")),
          lowercase(strings(b.get("actions"))),
          lowercase(strings(b.get("not_actions"))),
          strings(b.get("resources")),
          strings(b.get("not_resources")),
          principalBlocks(b.get("principals")),
          principalBlocks(b.get("not_principals")),
          conditionBlocks(b.get("condition")),
          unknown,
          refs));
    }
    return out;
  }

  private static boolean hasUnknownBelow(Resource r, String path) {
    for (String u : r.unknown()) {
      if (u.startsWith(path + ".")) {
        return true;
      }
    }
    return false;
  }

  private static String fieldName(String blockField) {
    return "condition".equals(blockField) ? "conditions" : blockField;
  }

  /** Parses a JSON policy document; null when the text is not one. */
  static List<Statement> parseJson(String text) {
    JsonNode doc;
    try {
      doc = Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
    if (doc == null || !doc.isObject() || !doc.has("Statement")) {
      return null;
    }
    JsonNode statements = doc.get("Statement");
    List<Statement> out = new ArrayList<>();
    if (statements.isObject()) {
      out.add(statement(statements));
    } else if (statements.isArray()) {
      for (JsonNode s : statements) {
        if (s.isObject()) {
          out.add(statement(s));
        }
      }
    }
    return out;
  }

  private static Statement statement(JsonNode s) {
    return new Statement(
        text(s.get("Sid")),
        text(s.get("Effect")),
        lowercase(strings(s.get("Action"))),
        lowercase(strings(s.get("NotAction"))),
        strings(s.get("Resource")),
        strings(s.get("NotResource")),
        principals(s.get("Principal")),
        principals(s.get("NotPrincipal")),
        conditions(s.get("Condition")),
        new TreeSet<>(),
        List.of());
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  /** A string or a list of scalars as a list; null when absent. Unknown (null) members are dropped. */
  private static List<String> strings(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    List<String> out = new ArrayList<>();
    if (n.isArray()) {
      for (JsonNode e : n) {
        if (e != null && !e.isNull() && e.isValueNode()) {
          out.add(e.asText());
        }
      }
    } else if (n.isValueNode()) {
      out.add(n.asText());
    }
    return out;
  }

  private static List<String> lowercase(List<String> in) {
    if (in == null) {
      return null;
    }
    List<String> out = new ArrayList<>(in.size());
    for (String s : in) {
      out.add(s.toLowerCase(Locale.ROOT));
    }
    return out;
  }

  private static SortedMap<String, List<String>> principals(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    SortedMap<String, List<String>> out = new TreeMap<>();
    if (n.isTextual()) {
      out.put("AWS", List.of(n.asText()));
    } else if (n.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.put(e.getKey(), strings(e.getValue()));
      }
    }
    return out;
  }

  private static SortedMap<String, List<String>> principalBlocks(JsonNode blocks) {
    if (blocks == null || !blocks.isArray() || blocks.isEmpty()) {
      return null;
    }
    SortedMap<String, List<String>> out = new TreeMap<>();
    for (JsonNode b : blocks) {
      String type = text(b.get("type"));
      if (type == null) {
        continue;
      }
      List<String> ids = strings(b.get("identifiers"));
      out.computeIfAbsent("*".equals(type) ? "AWS" : type, k -> new ArrayList<>())
          .addAll(ids == null ? List.of() : ids);
    }
    return out;
  }

  private static List<Statement.Condition> conditions(JsonNode n) {
    List<Statement.Condition> out = new ArrayList<>();
    if (n == null || !n.isObject()) {
      return out;
    }
    SortedMap<String, SortedMap<String, List<String>>> sorted = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> ops = n.fields(); ops.hasNext(); ) {
      Map.Entry<String, JsonNode> op = ops.next();
      for (Iterator<Map.Entry<String, JsonNode>> keys = op.getValue().fields(); keys.hasNext(); ) {
        Map.Entry<String, JsonNode> k = keys.next();
        List<String> values = strings(k.getValue());
        sorted.computeIfAbsent(op.getKey(), x -> new TreeMap<>()).put(k.getKey(), values == null ? List.of() : values);
      }
    }
    sorted.forEach((op, keys) -> keys.forEach((key, values) -> out.add(new Statement.Condition(op, key, values))));
    return out;
  }

  private static List<Statement.Condition> conditionBlocks(JsonNode blocks) {
    List<Statement.Condition> out = new ArrayList<>();
    if (blocks == null || !blocks.isArray()) {
      return out;
    }
    for (JsonNode b : blocks) {
      List<String> values = strings(b.get("values"));
      out.add(new Statement.Condition(
          String.valueOf(text(b.get("test"))), String.valueOf(text(b.get("variable"))),
          values == null ? List.of() : values));
    }
    return out;
  }
}
