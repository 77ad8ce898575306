package dev.tfcheck.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Policies a user brings with {@code --policy}: a prebuilt bundle ({@code opa build -t wasm}) or a
 * directory of Rego, compiled here with {@code opa} restricted to the builtins the engine runs.
 * A directory may hold rules that follow tfcheck's protocol (packages under {@code tfcheck.rules},
 * judging the policy input document, with tfcheck's helpers available as {@code data.tfcheck.lib})
 * and conftest-style policies ({@code package main} with {@code deny}, {@code warn},
 * {@code violation}, judging the plan document itself).
 */
public final class UserPolicies {
  /** The entrypoint of conftest-style policies: the whole {@code main} package. */
  public static final String CONFTEST_ENTRYPOINT = "main";

  private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([A-Za-z0-9_.]+)");
  /** Where tfcheck's helpers go beside a user's Rego in a compiled bundle. */
  private static final String HELPERS = "tfcheck";

  private UserPolicies() {}

  /**
   * A --policy argument: a path, and optionally the SHA-256 it must have ({@code PATH@sha256:HEX}):
   * of the bundle file, or of a directory's Rego as {@link #sourcesSha256} computes it (the hash
   * reports show, so it can be copied from an earlier report).
   */
  public record Pinned(Path path, String sha256) {
    private static final Pattern PIN = Pattern.compile("(.+)@sha256:([0-9a-fA-F]{64})");

    public static Pinned parse(String argument) {
      Matcher m = PIN.matcher(argument);
      return m.matches() ? new Pinned(Path.of(m.group(1)), m.group(2).toLowerCase(java.util.Locale.ROOT))
          : new Pinned(Path.of(argument), null);
    }
  }

  /** Loads a --policy argument, verifying its hash when it names one. */
  public static PolicyBundle load(Pinned pinned, String opa) throws PolicyException {
    PolicyBundle bundle = load(pinned.path(), opa);
    if (pinned.sha256() != null && !pinned.sha256().equals(bundle.sha256())) {
      throw new PolicyException("checksum mismatch: expected sha256:" + pinned.sha256() + ", found sha256:"
          + bundle.sha256() + " (the policy changed, or the pin is wrong)");
    }
    return bundle;
  }

  /** Whether the bundle holds rules that follow tfcheck's protocol. */
  public static boolean holdsRules(PolicyBundle bundle) {
    return packages(bundle).stream().anyMatch(p -> p.startsWith("tfcheck.rules."));
  }

  /** Whether the bundle holds conftest-style policies. */
  public static boolean holdsConftest(PolicyBundle bundle) {
    return packages(bundle).contains(CONFTEST_ENTRYPOINT);
  }

  /** The catalog of the bundle's own rules (the helpers compiled in beside them have none). */
  public static RuleCatalog catalog(PolicyBundle bundle) {
    return RuleCatalog.fromSources(bundle.sources());
  }

  private static List<String> packages(PolicyBundle bundle) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, String> e : bundle.sources().entrySet()) {
      Matcher m = PACKAGE.matcher(e.getValue());
      if (!e.getKey().startsWith(HELPERS + "/") && m.find()) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  /**
   * Loads the bundle or compiles the directory at {@code path}.
   *
   * @param opa the opa command to compile directories with
   */
  public static PolicyBundle load(Path path, String opa) throws PolicyException {
    if (Files.isDirectory(path)) {
      return compile(path, opa);
    }
    if (!Files.isRegularFile(path)) {
      throw new PolicyException("no such file or directory");
    }
    try (InputStream in = Files.newInputStream(path)) {
      return PolicyBundle.read(path.toString(), in);
    } catch (IOException e) {
      throw new PolicyException("is not a policy bundle (a .tar.gz written by opa build -t wasm): " + e.getMessage(), e);
    }
  }

  private static PolicyBundle compile(Path dir, String opa) throws PolicyException {
    Map<String, String> sources = regoFiles(dir);
    if (sources.isEmpty()) {
      throw new PolicyException("holds no .rego files");
    }
    boolean rules = false;
    boolean conftest = false;
    for (String text : sources.values()) {
      Matcher m = PACKAGE.matcher(text);
      if (m.find()) {
        rules |= m.group(1).startsWith("tfcheck.rules.");
        conftest |= m.group(1).equals(CONFTEST_ENTRYPOINT);
      }
    }
    if (!rules && !conftest) {
      throw new PolicyException("holds no rule: write packages under tfcheck.rules (docs/writing-rules.md) "
          + "or conftest-style package main with deny, warn or violation");
    }
    Path work = null;
    try {
      work = Files.createTempDirectory("tfcheck-policy");
      Path src = work.resolve("src");
      for (Map.Entry<String, String> e : sources.entrySet()) {
        write(src.resolve("user").resolve(e.getKey()), e.getValue());
      }
      List<String> command = new ArrayList<>(List.of(opa, "build", "-t", "wasm", "--ignore", "*_test.rego"));
      if (rules) {
        // The same helpers and entrypoint the built-in rules use.
        for (Map.Entry<String, String> e : BuiltinPolicies.helperSources().entrySet()) {
          write(src.resolve(HELPERS).resolve(e.getKey()), e.getValue());
        }
        command.addAll(List.of("-e", PolicyEngine.ENTRYPOINT));
      }
      if (conftest) {
        command.addAll(List.of("-e", CONFTEST_ENTRYPOINT));
      }
      Path capabilities = work.resolve("capabilities.json");
      Files.write(capabilities, BuiltinPolicies.capabilities());
      Path bundle = work.resolve("bundle.tar.gz");
      command.addAll(List.of("--capabilities", capabilities.toString(), "-o", bundle.toString(), src.toString()));
      run(command, src, dir);
      try (InputStream in = Files.newInputStream(bundle)) {
        PolicyBundle built = PolicyBundle.read(dir.toString(), in);
        // Evidence of what was checked: the Rego as written (a compiled bundle differs from build to build).
        return new PolicyBundle(built.name(), sourcesSha256(sources), built.wasm(), built.data(), built.sources());
      }
    } catch (IOException e) {
      throw new PolicyException("cannot compile: " + e.getMessage(), e);
    } finally {
      deleteQuietly(work);
    }
  }

  private static void run(List<String> command, Path src, Path dir) throws PolicyException, IOException {
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new PolicyException("compiling a policy directory needs opa on PATH (scripts/install-tools.sh opa "
          + "installs the pinned version), or pass a bundle built with opa build -t wasm");
    }
    p.getOutputStream().close();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(2, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new PolicyException("opa build did not finish in 2 minutes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PolicyException("interrupted while compiling");
    }
    if (p.exitValue() != 0) {
      throw new PolicyException("does not compile: " + firstError(output, src, dir));
    }
  }

  /** OPA's first error, with paths shown as the user wrote them. */
  static String firstError(String output, Path src, Path dir) {
    String text = output.replace(src.resolve("user") + "/", dir + "/").replace(src + "/", "");
    for (String line : text.split("\n")) {
      String l = line.strip().replaceFirst("^(?i)(error: )?(load error: )?(\\d+ errors? occurred( during loading)?:? ?)?", "");
      if (!l.isEmpty()) {
        return l;
      }
    }
    return text.strip().replace('\n', ' ');
  }

  /** SHA-256 over every file's relative path and content, in path order. */
  static String sourcesSha256(Map<String, String> sources) {
    StringBuilder all = new StringBuilder();
    new TreeMap<>(sources).forEach((path, text) -> all.append(path).append('\0').append(text).append('\0'));
    return PolicyBundle.sha256(all.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, String> regoFiles(Path dir) throws PolicyException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".rego")).toList()) {
        out.put(dir.relativize(p).toString(), Files.readString(p));
      }
    } catch (IOException e) {
      throw new PolicyException("cannot read: " + e.getMessage(), e);
    }
    return out;
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // a temporary directory left behind is not worth failing the run for
    }
  }
}
