package dev.tfcheck.policy;

import dev.tfcheck.plan.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The policy bundle compiled from policies/ at build time and shipped in the jar. */
public final class BuiltinPolicies {
  private static final String BUNDLE = "policy-bundle.tar.gz";
  private static final String ANNOTATIONS = "policy-annotations.json";

  private BuiltinPolicies() {}

  public static PolicyBundle bundle() {
    try (InputStream in = open(BUNDLE)) {
      return PolicyBundle.read("built-in policies", in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static RuleCatalog catalog() {
    try (InputStream in = open(ANNOTATIONS)) {
      return RuleCatalog.fromInspection(Json.MAPPER.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(String name) throws IOException {
    InputStream in = BuiltinPolicies.class.getResourceAsStream(name);
    if (in == null) {
      throw new IOException("the jar has no " + name + ": it was built without its policies");
    }
    return in;
  }
}
