package dev.tfcheck.policy;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.tfcheck.plan.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

  static BuiltinIndex read(InputStream in) throws IOException {
    return Json.MAPPER.readValue(in, new TypeReference<BuiltinIndex>() {});
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
