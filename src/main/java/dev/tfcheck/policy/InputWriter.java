package dev.tfcheck.policy;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Receives a policy input document as {@link PolicyInput} writes it, value by value: as a JSON tree
 * ({@link TreeWriter}, for inspect and the bundles opa-java-wasm runs), or straight into the memory
 * layout of the built-in module ({@link OpaValueImage#write}), with no tree in between. A document of
 * a large plan is hundreds of megabytes of small nodes that the layout would only read once.
 *
 * <p>Inside an object, each value follows the {@link #field} that names it.
 */
interface InputWriter {
  void startObject();

  void endObject();

  void startArray();

  void endArray();

  /** The name of the object member whose value is written next. */
  void field(String name);

  /** A string, or null when {@code value} is null. */
  void value(String value);

  void value(long value);

  void value(boolean value);

  void nullValue();

  /** A value that is already a tree (a resource's attribute values), written as it is; null writes null. */
  void tree(JsonNode value);

  default void field(String name, String value) {
    field(name);
    value(value);
  }

  default void field(String name, boolean value) {
    field(name);
    value(value);
  }

  default void field(String name, JsonNode value) {
    field(name);
    tree(value);
  }
}
