package dev.tfcheck.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tfcheck.finding.Severity;
import dev.tfcheck.plan.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a run needs to know of the built-in bundle, worked out at build time: its SHA-256, its data
 * document and its rule catalog (read from the METADATA in its Rego). Reading them at every start
 * meant a tar, a gzip stream and a YAML parser on the start-up path; the Wasm itself is compiled
 * to classes at build time.
 *
 * <p>Written by {@link #main} during the build (process-classes), next to the bundle.
 */
public record BuiltinIndex(String sha256, String data, List<Rule> rules) {
  static final String RESOURCE = "builtin-index.json";

  public BuiltinIndex {
    rules = List.copyOf(rules);
  }

  /**
   * Reads what {@link #main} wrote. From the tree, not by data binding: binding builds its record
   * deserializers by reflection, several milliseconds of every start spent on one small file.
   */
  static BuiltinIndex read(InputStream in) throws IOException {
    JsonNode doc = Json.MAPPER.readTree(in);
    List<Rule> rules = new ArrayList<>();
    for (JsonNode r : doc.path("rules")) {
      List<String> types = new ArrayList<>();
      r.path("resourceTypes").forEach(t -> types.add(t.asText()));
      SortedMap<String, List<String>> controls = new TreeMap<>();
      r.path("controls").fields().forEachRemaining(c -> {
        List<String> ids = new ArrayList<>();
        c.getValue().forEach(id -> ids.add(id.asText()));
        controls.put(c.getKey(), List.copyOf(ids));
      });
      SortedMap<String, JsonNode> parameters = new TreeMap<>();
      r.path("parameters").fields().forEachRemaining(p -> parameters.put(p.getKey(), p.getValue()));
      rules.add(new Rule(text(r, "key"), text(r, "id"), text(r, "title"), text(r, "description"),
          Severity.valueOf(text(r, "severity")), text(r, "tier"), types, controls, parameters,
          text(r, "recommendedAction"), text(r, "avoid"), text(r, "prefer")));
    }
    return new BuiltinIndex(text(doc, "sha256"), text(doc, "data"), rules);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** {@code BuiltinIndex DIR}: reads DIR/policy-bundle.tar.gz, writes DIR/builtin-index.json. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    PolicyBundle bundle;
    try (InputStream in = Files.newInputStream(dir.resolve("policy-bundle.tar.gz"))) {
      bundle = PolicyBundle.read("built-in policies", in);
    }
    RuleCatalog catalog = RuleCatalog.fromSources(bundle.sources());
    BuiltinIndex index = new BuiltinIndex(bundle.sha256(), bundle.data(), List.copyOf(catalog.rules()));
    Files.writeString(dir.resolve(RESOURCE), Json.compact(Json.MAPPER.valueToTree(index)));
  }
}
