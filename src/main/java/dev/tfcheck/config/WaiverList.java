package dev.tfcheck.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tfcheck.finding.AddressGlob;
import dev.tfcheck.finding.Waiver;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The {@code waivers:} list of {@code .tfcheck.yaml}: mappings with exactly the keys rule,
 * address, reason, owner and expires, each required. Errors name the waiver by its number in the
 * list, counting from 1, as the warnings and the expired-waiver findings do.
 */
final class WaiverList {
  private static final List<String> KEYS = List.of("rule", "address", "reason", "owner", "expires");
  private static final String SHAPE = "(a waiver has " + String.join(", ", KEYS) + ")";

  private WaiverList() {}

  /** The waivers of the node, in the file's order; {@code file} names the file in errors. */
  static List<Waiver> read(JsonNode node, String file) throws ConfigException {
    if (node.isMissingNode() || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new ConfigException(file, "waivers must be a list of mappings " + SHAPE);
    }
    List<Waiver> waivers = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      waivers.add(waiver(node.get(i), file, "waiver " + (i + 1)));
    }
    return waivers;
  }

  /** Every waiver names a rule of the run's catalog. */
  static void requireKnownRules(List<Waiver> waivers, Predicate<String> isRule, String file) throws ConfigException {
    for (int i = 0; i < waivers.size(); i++) {
      String rule = waivers.get(i).rule();
      if (!isRule.test(rule)) {
        throw new ConfigException(file, "waiver " + (i + 1) + ": no rule " + rule + " (tfcheck rules lists them)");
      }
    }
  }

  private static Waiver waiver(JsonNode node, String file, String name) throws ConfigException {
    if (!node.isObject()) {
      throw new ConfigException(file, name + " is not a mapping " + SHAPE);
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KEYS.contains(key)) {
        throw new ConfigException(file, name + ": unknown key '" + key + "' " + SHAPE);
      }
    }
    List<String> values = new ArrayList<>(KEYS.size());
    for (String key : KEYS) {
      values.add(text(node, key, file, name));
    }
    String address = values.get(1);
    try {
      AddressGlob.of(address);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(file, name + ": address '" + address + "' is not a valid glob: " + e.getMessage());
    }
    LocalDate expires;
    try {
      expires = LocalDate.parse(values.get(4));
    } catch (DateTimeParseException e) {
      throw new ConfigException(file, name + ": expires '" + values.get(4) + "' is not a date (YYYY-MM-DD)");
    }
    return new Waiver(values.get(0), address, values.get(2), values.get(3), expires);
  }

  /** A required one-line string: reports show each of them on one line. */
  private static String text(JsonNode node, String key, String file, String name) throws ConfigException {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      throw new ConfigException(file, name + ": missing key '" + key + "' " + SHAPE);
    }
    if (!v.isTextual()) {
      throw new ConfigException(file, name + ": " + key + " must be a string");
    }
    String s = v.asText().strip();
    if (s.isEmpty()) {
      throw new ConfigException(file, name + ": " + key + " is empty");
    }
    if (s.contains("\n") || s.contains("\r")) {
      throw new ConfigException(file, name + ": " + key + " must be one line");
    }
    return s;
  }
}
