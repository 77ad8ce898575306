package dev.tfcheck.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tfcheck.finding.Waiver;
import dev.tfcheck.plan.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code .tfcheck.yaml}: rule parameters and waivers (docs/configuration.md). Found in the working
 * directory or named with {@code --config}. Unknown keys are errors: a misspelt key silently
 * ignored would weaken the gate.
 *
 * @param source the file read, or null for the defaults
 * @param parameters rule parameters by name, passed to Rego as {@code data.tfcheck.parameters}
 * @param waivers the accepted exceptions, in the file's order
 */
public record Config(Path source, ObjectNode parameters, List<Waiver> waivers) {
  public static final String FILE_NAME = ".tfcheck.yaml";

  private static final List<String> KEYS = List.of("parameters", "waivers");

  public Config {
    waivers = List.copyOf(waivers);
  }

  /** A configuration without waivers. */
  public Config(Path source, ObjectNode parameters) {
    this(source, parameters, List.of());
  }

  public static Config defaults() {
    return new Config(null, Json.nodes().objectNode());
  }

  /** The explicit file if given, else {@code .tfcheck.yaml} in {@code dir} if present, else defaults. */
  public static Config load(Path explicit, Path dir) throws ConfigException {
    if (explicit != null) {
      return read(explicit);
    }
    Path found = dir.resolve(FILE_NAME);
    return Files.isRegularFile(found) ? read(found) : defaults();
  }

  static Config read(Path file) throws ConfigException {
    String name = file.toString();
    JsonNode root;
    try {
      root = Json.yaml().readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new ConfigException(name, "no such file");
    } catch (JsonProcessingException e) {
      String msg = e.getOriginalMessage();
      int nl = msg.indexOf('\n');
      throw new ConfigException(name, "is not valid YAML: " + (nl < 0 ? msg : msg.substring(0, nl)));
    } catch (IOException e) {
      throw new ConfigException(name, "cannot read: " + e.getMessage());
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return new Config(file, Json.nodes().objectNode());
    }
    if (!root.isObject()) {
      throw new ConfigException(name, "must be a mapping with the keys " + String.join(", ", KEYS));
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KEYS.contains(key)) {
        throw new ConfigException(name, "unknown key '" + key + "' (known keys: " + String.join(", ", KEYS) + ")");
      }
    }
    JsonNode parameters = root.path("parameters");
    if (!parameters.isMissingNode() && !parameters.isObject()) {
      throw new ConfigException(name, "parameters must be a mapping of parameter names to values");
    }
    return new Config(file, parameters.isObject() ? (ObjectNode) parameters : Json.nodes().objectNode(),
        WaiverList.read(root.path("waivers"), name));
  }

  /**
   * Checks that every waiver names a rule of the run; the catalog is known only once the policies
   * are loaded, after the file is read.
   */
  public void requireKnownRules(Predicate<String> isRule) throws ConfigException {
    WaiverList.requireKnownRules(waivers, isRule, String.valueOf(source));
  }
}
