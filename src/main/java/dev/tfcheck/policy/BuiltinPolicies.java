package dev.tfcheck.policy;

import dev.tfcheck.policy.wasm.BuiltinPolicyModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** The policy bundle compiled from policies/ at build time and shipped in the jar. */
public final class BuiltinPolicies {
  private static final String NAME = "built-in policies";
  private static final String CAPABILITIES = "capabilities.json";

  private BuiltinPolicies() {}

  /** Read once, from the index the build wrote: the catalog and the engine both need it. */
  private static final class Holder {
    static final BuiltinIndex INDEX = read();

    private static BuiltinIndex read() {
      try (InputStream in = open(BuiltinIndex.RESOURCE)) {
        return BuiltinIndex.read(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * The built-in bundle: its name, hash and data. Its Wasm is not read: the build compiled it to
   * classes ({@link #compiled}), so the bundle carries no module bytes and no sources.
   */
  public static PolicyBundle bundle() {
    BuiltinIndex index = Holder.INDEX;
    return new PolicyBundle(NAME, index.sha256(), new byte[0], index.data(), new TreeMap<>());
  }

  /**
   * The built-in module compiled to bytecode at build time, when {@code bundle} is the built-in
   * bundle (by content: the compiled module was made from exactly its policy.wasm).
   */
  static Optional<CompiledPolicy> compiled(PolicyBundle bundle) {
    if (!bundle.sha256().equals(Holder.INDEX.sha256())) {
      return Optional.empty();
    }
    return Optional.of(new CompiledPolicy(BuiltinPolicyModule.load(), BuiltinPolicyModule::create));
  }

  public static RuleCatalog catalog() {
    return RuleCatalog.of(Holder.INDEX.rules());
  }

  /** The builtins opa-java-wasm runs, as an OPA capabilities document (to compile user policies). */
  public static byte[] capabilities() {
    try (InputStream in = open(CAPABILITIES)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * tfcheck's Rego helpers and entrypoint as written, by path ({@code lib/core.rego},
   * {@code main.rego}): compiled beside users' rules so they can use {@code data.tfcheck.lib}.
   */
  public static SortedMap<String, String> helperSources() {
    SortedMap<String, String> out = new TreeMap<>();
    try (InputStream index = open("rego/index.txt")) {
      for (String path : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!path.isBlank()) {
          try (InputStream in = open("rego/" + path.strip())) {
            out.put(path.strip(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static InputStream open(String name) throws IOException {
    InputStream in = BuiltinPolicies.class.getResourceAsStream(name);
    if (in == null) {
      throw new IOException("the jar has no " + name + ": it was built without its policies");
    }
    return in;
  }
}
