package dev.tfcheck.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One module of the plan's {@code configuration} section: its resources (by local name,
 * {@code type.name} or {@code data.type.name}), its module calls and its outputs.
 */
final class ConfigModule {
  final Map<String, JsonNode> resources = new HashMap<>();
  final Map<String, Call> calls = new HashMap<>();
  final Map<String, JsonNode> outputs = new HashMap<>();

  /** A {@code module "name" {}} block: the arguments it passes, its for_each, and its body. */
  record Call(JsonNode expressions, JsonNode forEach, ConfigModule module) {}

  static ConfigModule of(JsonNode node) {
    ConfigModule m = new ConfigModule();
    for (JsonNode r : node.path("resources")) {
      String local = ("data".equals(r.path("mode").asText()) ? "data." : "")
          + r.path("type").asText() + "." + r.path("name").asText();
      m.resources.put(local, r);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.path("module_calls").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      m.calls.put(e.getKey(), new Call(e.getValue().path("expressions"), e.getValue().path("for_each_expression"),
          of(e.getValue().path("module"))));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.path("outputs").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      m.outputs.put(e.getKey(), e.getValue().path("expression"));
    }
    return m;
  }

  /** The module at a path of call names, or null when the configuration does not have it. */
  ConfigModule descend(List<String> names) {
    ConfigModule m = this;
    for (String name : names) {
      Call call = m.calls.get(name);
      if (call == null) {
        return null;
      }
      m = call.module();
    }
    return m;
  }
}
