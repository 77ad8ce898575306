package dev.tfcheck.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A resource instance address as Terraform writes it:
 * {@code module.app["eu"].module.db[0].data.aws_iam_policy_document.x["k"]}.
 *
 * <p>Addresses are identities: two instances of one resource differ by key, two resources of one
 * type by module path. The canonical text form ({@link #toString()}) is Terraform's own, so it
 * round-trips.
 */
public record Address(List<ModuleStep> modulePath, String mode, String type, String name, Object key) {

  /** One {@code module.NAME[KEY]} step; {@code key} is null, a {@link Long} or a {@link String}. */
  public record ModuleStep(String name, Object key) {
    public ModuleStep {
      Objects.requireNonNull(name, "name");
      checkKey(key);
    }

    @Override
    public String toString() {
      return "module." + name + keyText(key);
    }
  }

  public Address {
    modulePath = List.copyOf(modulePath);
    if (!"managed".equals(mode) && !"data".equals(mode)) {
      throw new IllegalArgumentException("mode must be managed or data: " + mode);
    }
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    checkKey(key);
  }

  /** Parses a full instance address. */
  public static Address parse(String text) {
    return new Parser(text).resource();
  }

  /** Parses a module instance path ({@code ""} for the root module). */
  public static List<ModuleStep> parseModulePath(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    Parser p = new Parser(text);
    List<ModuleStep> steps = p.moduleSteps();
    p.expectEnd();
    return steps;
  }

  /** The module instance path as text, {@code ""} for the root. */
  public String module() {
    return moduleText(modulePath);
  }

  public static String moduleText(List<ModuleStep> steps) {
    StringBuilder sb = new StringBuilder();
    for (ModuleStep step : steps) {
      if (sb.length() > 0) {
        sb.append('.');
      }
      sb.append(step);
    }
    return sb.toString();
  }

  /** The address in configuration: module path and resource without instance keys. */
  public String configAddress() {
    StringBuilder sb = new StringBuilder();
    for (ModuleStep step : modulePath) {
      sb.append("module.").append(step.name()).append('.');
    }
    return sb.append(resourcePart(false)).toString();
  }

  /** {@code type.name} or {@code data.type.name}, as configuration writes it inside one module. */
  public String localName() {
    return resourcePart(false);
  }

  /** The module path without keys, as names only ({@code ["app", "db"]}). */
  public List<String> moduleNames() {
    List<String> names = new ArrayList<>(modulePath.size());
    for (ModuleStep step : modulePath) {
      names.add(step.name());
    }
    return names;
  }

  @Override
  public String toString() {
    String module = module();
    return module.isEmpty() ? resourcePart(true) : module + "." + resourcePart(true);
  }

  private String resourcePart(boolean withKey) {
    String base = ("data".equals(mode) ? "data." : "") + type + "." + name;
    return withKey ? base + keyText(key) : base;
  }

  static String keyText(Object key) {
    if (key == null) {
      return "";
    }
    if (key instanceof Long) {
      return "[" + key + "]";
    }
    return "[" + quote((String) key) + "]";
  }

  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.append('"').toString();
  }

  private static void checkKey(Object key) {
    if (key != null && !(key instanceof Long) && !(key instanceof String)) {
      throw new IllegalArgumentException("instance key must be a Long or a String: " + key);
    }
  }

  /** A small recursive-descent parser; addresses are short, so clarity wins over speed. */
  private static final class Parser {
    private final String s;
    private int i;

    Parser(String s) {
      this.s = Objects.requireNonNull(s, "address");
    }

    Address resource() {
      List<ModuleStep> steps = moduleSteps();
      String mode = "managed";
      String first = identifier();
      if ("data".equals(first) && peek() == '.') {
        mode = "data";
        i++;
        first = identifier();
      }
      expect('.');
      String name = identifier();
      Object key = peek() == '[' ? key() : null;
      expectEnd();
      return new Address(steps, mode, first, name, key);
    }

    List<ModuleStep> moduleSteps() {
      List<ModuleStep> steps = new ArrayList<>();
      while (s.startsWith("module.", i)) {
        i += "module.".length();
        String name = identifier();
        Object key = peek() == '[' ? key() : null;
        steps.add(new ModuleStep(name, key));
        if (peek() == '.') {
          i++;
        } else {
          break;
        }
      }
      return steps;
    }

    private String identifier() {
      int start = i;
      while (i < s.length()) {
        char c = s.charAt(i);
        if (Character.isLetterOrDigit(c) || c == '_' || c == '-') {
          i++;
        } else {
          break;
        }
      }
      if (start == i) {
        throw error("expected a name");
      }
      return s.substring(start, i);
    }

    private Object key() {
      expect('[');
      Object key;
      if (peek() == '"') {
        key = string();
      } else {
        int start = i;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
          i++;
        }
        if (start == i) {
          throw error("expected an index or a quoted key");
        }
        try {
          key = Long.parseLong(s.substring(start, i));
        } catch (NumberFormatException e) {
          throw error("index out of range");
        }
      }
      expect(']');
      return key;
    }

    private String string() {
      expect('"');
      StringBuilder sb = new StringBuilder();
      while (i < s.length()) {
        char c = s.charAt(i++);
        if (c == '"') {
          return sb.toString();
        }
        if (c == '\\' && i < s.length()) {
          c = s.charAt(i++);
        }
        sb.append(c);
      }
      throw error("unterminated key");
    }

    private char peek() {
      return i < s.length() ? s.charAt(i) : '\0';
    }

    private void expect(char c) {
      if (peek() != c) {
        throw error("expected '" + c + "'");
      }
      i++;
    }

    void expectEnd() {
      if (i != s.length()) {
        throw error("unexpected text");
      }
    }

    private IllegalArgumentException error(String what) {
      return new IllegalArgumentException("invalid address " + Address.quote(s) + ": " + what + " at " + i);
    }
  }
}
