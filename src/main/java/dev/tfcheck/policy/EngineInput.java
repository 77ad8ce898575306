package dev.tfcheck.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tfcheck.plan.Json;

/**
 * An input document for policy engines, in the form its kind of module takes: JSON text for
 * opa-java-wasm, an {@link OpaValueImage} for the built-in module. The form is made once, when first
 * asked for, and shared by the threads evaluating the input; the document is let go then (a large
 * plan's is hundreds of megabytes of nodes, and chunks of the largest are evaluated two at a time).
 */
final class EngineInput {
  private JsonNode document;
  private byte[] json;
  private OpaValueImage image;

  EngineInput(JsonNode document) {
    this.document = document;
  }

  synchronized byte[] json() {
    if (json == null) {
      json = Json.bytes(document());
    }
    return json;
  }

  /**
   * The document laid out for {@code base}. Every instance of a module, with the same data loaded,
   * asks for the same address, so one image serves them all.
   */
  synchronized OpaValueImage image(int base) {
    if (image == null) {
      image = OpaValueImage.of(document(), base);
    } else if (image.base() != base) {
      throw new IllegalStateException("the input was laid out for address " + image.base() + ", not " + base);
    }
    return image;
  }

  private JsonNode document() {
    if (document == null) {
      throw new IllegalStateException("the input was already made into another form");
    }
    JsonNode d = document;
    document = null;
    return d;
  }
}
