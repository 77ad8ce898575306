package dev.tfcheck.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tfcheck.finding.Baseline;
import dev.tfcheck.finding.Outcome;
import dev.tfcheck.plan.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code --baseline FILE}: a JSON report tfcheck wrote earlier ({@code --format json}), the
 * document of one plan or the array of several. Its FAIL results, by rule and address, are the
 * baseline; anything else in it is ignored. A file that is not such a report is an error, not an
 * empty baseline: a typo must not turn into a run that fails on the whole estate, nor the reverse.
 */
public final class BaselineReport {
  private static final String NOT_A_REPORT = "is not a tfcheck JSON report (tfcheck --format json writes one): ";

  private BaselineReport() {}

  public static Baseline read(Path file) throws ConfigException {
    String name = file.toString();
    JsonNode root;
    try (InputStream in = Files.newInputStream(file)) {
      root = Json.MAPPER.readTree(in);
    } catch (NoSuchFileException e) {
      throw new ConfigException(name, "no such file");
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
      throw new ConfigException(name, NOT_A_REPORT + "not JSON" + where);
    } catch (IOException e) {
      throw new ConfigException(name, "cannot read: " + e.getMessage());
    }
    Set<Baseline.Key> failures = new HashSet<>();
    if (root != null && root.isArray()) {
      for (int i = 0; i < root.size(); i++) {
        addFailures(root.get(i), "[" + i + "].", failures, name);
      }
    } else {
      addFailures(root, "", failures, name);
    }
    return new Baseline(failures);
  }

  /** The FAILs of one plan's document; {@code where} prefixes the JSON paths in errors. */
  private static void addFailures(JsonNode doc, String where, Set<Baseline.Key> failures, String file)
      throws ConfigException {
    if (doc == null || !doc.isObject() || !"tfcheck".equals(doc.path("tool").path("name").asText(null))) {
      throw new ConfigException(file, NOT_A_REPORT + "no " + where + "tool.name \"tfcheck\"");
    }
    String schema = doc.path("schema_version").asText("");
    if (!schema.startsWith("1.")) {
      throw new ConfigException(file, NOT_A_REPORT + where + "schema_version is '" + schema
          + "', and this tfcheck reads 1.x");
    }
    JsonNode results = doc.path("results");
    if (!results.isArray()) {
      throw new ConfigException(file, NOT_A_REPORT + "no " + where + "results list");
    }
    for (int i = 0; i < results.size(); i++) {
      JsonNode r = results.get(i);
      for (String field : List.of("rule_id", "address", "outcome")) {
        if (!r.path(field).isTextual()) {
          throw new ConfigException(file, NOT_A_REPORT + where + "results[" + i + "] has no " + field);
        }
      }
      if (Outcome.FAIL.name().equals(r.get("outcome").asText())) {
        failures.add(new Baseline.Key(r.get("rule_id").asText(), r.get("address").asText()));
      }
    }
  }
}
