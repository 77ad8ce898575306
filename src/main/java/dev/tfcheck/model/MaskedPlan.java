package dev.tfcheck.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tfcheck.plan.Plan;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The plan document itself, for policies written against {@code terraform show -json} (conftest
 * style), with every sensitive value replaced by {@code "(sensitive)"}: resource values by their
 * sensitivity marks, sensitive variables and outputs, configuration literals of sensitive attributes
 * and variables, and provider credentials. The shape is unchanged, so such policies run as they are.
 */
public final class MaskedPlan {
  private static final TextNode MARKER = TextNode.valueOf(ValueTrees.SENSITIVE);
  /** Provider arguments that hold credentials (access_key, secret_key, token, password, ...). */
  private static final Pattern CREDENTIAL = Pattern.compile("(?i).*(secret|password|token|access_key|private|credential).*");

  private MaskedPlan() {}

  public static ObjectNode of(Plan plan, Model model) {
    ObjectNode doc = plan.root().deepCopy();
    for (JsonNode rc : doc.path("resource_changes")) {
      maskChange(rc.path("change"));
    }
    for (JsonNode rc : doc.path("resource_drift")) {
      maskChange(rc.path("change"));
    }
    maskStateModule(doc.path("planned_values").path("root_module"));
    maskOutputs(doc.path("planned_values").path("outputs"));
    maskStateModule(doc.path("prior_state").path("values").path("root_module"));
    maskOutputs(doc.path("prior_state").path("values").path("outputs"));
    for (JsonNode change : doc.path("output_changes")) {
      if (change instanceof ObjectNode o) {
        if (o.path("after_sensitive").asBoolean(false) && o.has("after")) {
          o.set("after", MARKER);
        }
        if (o.path("before_sensitive").asBoolean(false) && o.has("before")) {
          o.set("before", MARKER);
        }
      }
    }
    JsonNode rootModule = doc.path("configuration").path("root_module");
    for (Iterator<Map.Entry<String, JsonNode>> it = rootModule.path("variables").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> v = it.next();
      JsonNode value = doc.path("variables").path(v.getKey());
      if (v.getValue().path("sensitive").asBoolean(false) && value instanceof ObjectNode o && o.has("value")) {
        o.set("value", MARKER);
      }
    }
    for (JsonNode provider : doc.path("configuration").path("provider_config")) {
      maskCredentials(provider.path("expressions"));
    }
    maskConfigModule(rootModule, "", null, doc.path("variables"), sensitivePathsByConfigAddress(model));
    return doc;
  }

  private static void maskChange(JsonNode change) {
    if (change instanceof ObjectNode c) {
      c.set("after", ValueTrees.mask(c.get("after"), c.get("after_sensitive")));
      c.set("before", ValueTrees.mask(c.get("before"), c.get("before_sensitive")));
    }
  }

  private static void maskStateModule(JsonNode module) {
    for (JsonNode r : module.path("resources")) {
      if (r instanceof ObjectNode o && o.has("values")) {
        o.set("values", ValueTrees.mask(o.get("values"), o.get("sensitive_values")));
      }
    }
    for (JsonNode child : module.path("child_modules")) {
      maskStateModule(child);
    }
  }

  private static void maskOutputs(JsonNode outputs) {
    for (JsonNode output : outputs) {
      if (output instanceof ObjectNode o && o.path("sensitive").asBoolean(false) && o.has("value")) {
        o.set("value", MARKER);
      }
    }
  }

  private static void maskCredentials(JsonNode expressions) {
    for (Iterator<Map.Entry<String, JsonNode>> it = expressions.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue() instanceof ObjectNode o && o.has("constant_value") && CREDENTIAL.matcher(e.getKey()).matches()) {
        o.set("constant_value", MARKER);
      } else if (e.getValue().isContainerNode()) {
        for (JsonNode child : e.getValue().isArray() ? e.getValue() : java.util.List.of(e.getValue())) {
          maskCredentials(child);
        }
      }
    }
  }

  /** Config address -> the paths that any of its instances marks sensitive. */
  private static Map<String, Set<String>> sensitivePathsByConfigAddress(Model model) {
    Map<String, Set<String>> out = new HashMap<>();
    for (Resource r : model.resources().values()) {
      if (!r.sensitive().isEmpty()) {
        out.computeIfAbsent(r.address().configAddress(), k -> new TreeSet<>()).addAll(r.sensitive());
      }
    }
    return out;
  }

  /**
   * @param callArguments the arguments the calling module passes to this one (null for the root)
   * @param rootVariables the plan's variable values (for the root module)
   */
  private static void maskConfigModule(JsonNode module, String prefix, JsonNode callArguments, JsonNode rootVariables,
      Map<String, Set<String>> sensitive) {
    for (JsonNode variable : module.path("variables")) {
      if (variable instanceof ObjectNode v && v.path("sensitive").asBoolean(false) && v.has("default")) {
        v.set("default", MARKER);
      }
    }
    for (JsonNode r : module.path("resources")) {
      String local = ("data".equals(r.path("mode").asText()) ? "data." : "") + r.path("type").asText() + "."
          + r.path("name").asText();
      for (String path : sensitive.getOrDefault(prefix + local, Set.of())) {
        String[] parts = path.split("\\.");
        maskExpression(r.path("expressions"), parts, 0);
        // The literal may sit where a variable gets its value: a default, an argument, the plan's variables.
        for (JsonNode ref : r.path("expressions").path(parts[0]).path("references")) {
          if (ref.asText().startsWith("var.")) {
            String name = ref.asText().substring("var.".length()).split("[.\\[]")[0];
            maskVariable(module, name, callArguments, rootVariables);
          }
        }
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = module.path("module_calls").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> call = it.next();
      JsonNode child = call.getValue().path("module");
      for (Iterator<Map.Entry<String, JsonNode>> vars = child.path("variables").fields(); vars.hasNext(); ) {
        Map.Entry<String, JsonNode> v = vars.next();
        JsonNode argument = call.getValue().path("expressions").path(v.getKey());
        if (v.getValue().path("sensitive").asBoolean(false) && argument instanceof ObjectNode a
            && a.has("constant_value")) {
          a.set("constant_value", MARKER);
        }
      }
      maskConfigModule(child, prefix + "module." + call.getKey() + ".", call.getValue().path("expressions"), null,
          sensitive);
    }
  }

  private static void maskVariable(JsonNode module, String name, JsonNode callArguments, JsonNode rootVariables) {
    if (module.path("variables").path(name) instanceof ObjectNode v && v.has("default")) {
      v.set("default", MARKER);
    }
    if (callArguments != null && callArguments.path(name) instanceof ObjectNode a && a.has("constant_value")) {
      a.set("constant_value", MARKER);
    }
    if (rootVariables != null && rootVariables.path(name) instanceof ObjectNode v && v.has("value")) {
      v.set("value", MARKER);
    }
  }

  /** Follows a value path into configuration expressions; masks the first literal it reaches. */
  private static void maskExpression(JsonNode node, String[] path, int i) {
    if (node instanceof ObjectNode o && o.has("constant_value")) {
      o.set("constant_value", MARKER);
      return;
    }
    if (i >= path.length || node == null) {
      return;
    }
    if (node instanceof ArrayNode a) {
      try {
        maskExpression(a.get(Integer.parseInt(path[i])), path, i + 1);
      } catch (NumberFormatException e) {
        // the plan's marks and the configuration's shape disagree: nothing to follow
      }
    } else if (node.isObject()) {
      maskExpression(node.get(path[i]), path, i + 1);
    }
  }
}
