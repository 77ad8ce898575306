package dev.tfcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tfcheck.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files in src/test/resources/golden/, compared byte for byte. After an intended change, run
 * the test with {@code -Dgolden.update=true} to rewrite them, then review their diff.
 */
final class Golden {
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  private Golden() {}

  static void assertMatches(String name, String actual) throws IOException {
    Path golden = Fixtures.path("src/test/resources/golden/" + name);
    if (UPDATE) {
      Files.writeString(golden, actual);
    }
    if (!Files.exists(golden)) {
      throw new AssertionError("no golden file " + golden + ": run with -Dgolden.update=true and review it");
    }
    assertEquals(Files.readString(golden), actual, name + " differs from its golden file");
  }
}
