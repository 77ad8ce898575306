package dev.tfcheck.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.tfcheck.plan.Json;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class BuiltinIndexTest {
  /** The index is read from its tree by hand; Jackson's own binding of the file is the oracle. */
  @Test
  void readsWhatDataBindingReads() throws IOException {
    BuiltinIndex byHand;
    BuiltinIndex bound;
    try (InputStream in = BuiltinIndex.class.getResourceAsStream(BuiltinIndex.RESOURCE)) {
      byHand = BuiltinIndex.read(in);
    }
    try (InputStream in = BuiltinIndex.class.getResourceAsStream(BuiltinIndex.RESOURCE)) {
      bound = Json.MAPPER.readValue(in, new TypeReference<BuiltinIndex>() {});
    }
    assertEquals(50, byHand.rules().size());
    assertEquals(bound, byHand);
  }
}
