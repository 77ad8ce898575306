package dev.tfcheck.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tfcheck.plan.Json;
import java.util.function.Consumer;

/**
 * An input document for policy engines, in the form its kind of module takes: JSON text for
 * opa-java-wasm, an {@link OpaValueImage} for the built-in module. The document is written (by an
 * {@link InputWriter} function) into that form once, when first asked for, and the form is shared by
 * the threads evaluating the input; the function is let go then (it may hold a large plan's tree).
 */
final class EngineInput {
  private Consumer<InputWriter> document;
  private byte[] json;
  private OpaValueImage image;

  /** The document {@code document} writes. */
  EngineInput(Consumer<InputWriter> document) {
    this.document = document;
  }

  /** A document that is already a tree. */
  static EngineInput of(JsonNode tree) {
    return new EngineInput(w -> w.tree(tree));
  }

  synchronized byte[] json() {
    if (json == null) {
      json = Json.bytes(TreeWriter.tree(document()));
    }
    return json;
  }

  /**
   * The document laid out for {@code base}. Every instance of a module, with the same data loaded,
   * asks for the same address, so one image serves them all.
   */
  synchronized OpaValueImage image(int base) {
    if (image == null) {
      image = OpaValueImage.write(document(), base);
    } else if (image.base() != base) {
      throw new IllegalStateException("the input was laid out for address " + image.base() + ", not " + base);
    }
    return image;
  }

  private Consumer<InputWriter> document() {
    if (document == null) {
      throw new IllegalStateException("the input was already made into another form");
    }
    Consumer<InputWriter> d = document;
    document = null;
    return d;
  }
}
