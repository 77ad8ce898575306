package dev.tfcheck.reliability;

import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tfcheck.Fixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One case of the bad-input suite, read from {@code fixtures/bad-input/NAME/case.txt}: lines of
 * {@code key: value}, {@code #} comments saying why the behaviour is right.
 *
 * <ul>
 *   <li>{@code input: FILE} a file of the case's folder, or {@code generate: KIND [ARG]} one made at
 *       run time (too large, or impossible, to commit): {@code whitespace BYTES}, {@code nesting
 *       LEVELS}, {@code utf16le-bom PLAN}, {@code utf8-bom PLAN}, {@code directory},
 *       {@code unreadable PLAN}
 *   <li>{@code stdin-head: BYTES PLAN} standard input is the first BYTES of PLAN, then closes
 *   <li>{@code args:} the command line (default: {@code {input} {clean} --output json={out}/report.json});
 *       {@code {case}}, {@code {input}}, {@code {clean}} (a clean plan), {@code {out}}, {@code {repo}}
 *       are replaced
 *   <li>{@code exit:} the exit code; {@code stderr:} and {@code stdout:} the exact lines, in order
 *       (none given: nothing on that stream)
 * </ul>
 */
record BadInputCase(Path dir, Map<String, List<String>> keys) {
  static final String DEFAULT_ARGS = "{input} {clean} --output json={out}/report.json";

  static BadInputCase read(Path dir) throws IOException {
    Map<String, List<String>> keys = new java.util.LinkedHashMap<>();
    for (String line : Files.readAllLines(dir.resolve("case.txt"), UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException(dir + "/case.txt: not key: value: " + line);
      }
      String value = line.substring(colon + 1);
      keys.computeIfAbsent(line.substring(0, colon), k -> new ArrayList<>())
          .add(value.startsWith(" ") ? value.substring(1) : value);
    }
    return new BadInputCase(dir, keys);
  }

  String one(String key, String otherwise) {
    List<String> values = keys.getOrDefault(key, List.of());
    return values.isEmpty() ? otherwise : values.get(0);
  }

  List<String> lines(String key) {
    return keys.getOrDefault(key, List.of());
  }

  int exit() {
    return Integer.parseInt(one("exit", null));
  }

  /** The plan the case names as {input}: a file of the case, or one generated into {@code work}. */
  Path input(Path work) throws IOException {
    String given = one("input", null);
    if (given != null) {
      return dir.resolve(given);
    }
    String generate = one("generate", null);
    if (generate == null) {
      return dir.resolve("(no input)");
    }
    String[] g = generate.split(" ");
    Path out = work.resolve("plan.json");
    switch (g[0]) {
      case "whitespace" -> writeRepeated(out, " \n\t  \n".getBytes(UTF_8), Long.parseLong(g[1]));
      case "nesting" -> {
        int levels = Integer.parseInt(g[1]);
        Files.writeString(out, "{\"format_version\":\"1.2\",\"resource_changes\":" + "[".repeat(levels)
            + "]".repeat(levels) + "}");
      }
      case "utf16le-bom" -> {
        byte[] text = Files.readString(Fixtures.path(g[1])).getBytes(UTF_16LE);
        Files.write(out, concat(new byte[] {(byte) 0xff, (byte) 0xfe}, text));
      }
      case "utf8-bom" -> Files.write(out, concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf},
          Files.readAllBytes(Fixtures.path(g[1]))));
      case "directory" -> Files.createDirectory(out);
      case "unreadable" -> {
        Files.copy(Fixtures.path(g[1]), out);
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("---------"));
      }
      default -> throw new IllegalArgumentException(dir + ": no generator " + g[0]);
    }
    return out;
  }

  /** Standard input: the first bytes of a plan, or nothing. */
  byte[] stdin() throws IOException {
    String head = one("stdin-head", null);
    if (head == null) {
      return new byte[0];
    }
    String[] h = head.split(" ");
    return Arrays.copyOf(Files.readAllBytes(Fixtures.path(h[1])), Integer.parseInt(h[0]));
  }

  /** The case's command line with its placeholders replaced. */
  List<String> args(Map<String, String> vars) {
    List<String> out = new ArrayList<>();
    for (String arg : one("args", DEFAULT_ARGS).split(" ")) {
      out.add(expand(arg, vars));
    }
    return out;
  }

  static String expand(String text, Map<String, String> vars) {
    String out = text;
    for (Map.Entry<String, String> v : vars.entrySet()) {
      out = out.replace("{" + v.getKey() + "}", v.getValue());
    }
    return out;
  }

  private static void writeRepeated(Path out, byte[] pattern, long size) throws IOException {
    byte[] block = new byte[pattern.length * (1 << 16)];
    for (int i = 0; i < block.length; i++) {
      block[i] = pattern[i % pattern.length];
    }
    try (OutputStream o = Files.newOutputStream(out)) {
      for (long left = size; left > 0; left -= block.length) {
        o.write(block, 0, (int) Math.min(block.length, left));
      }
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
