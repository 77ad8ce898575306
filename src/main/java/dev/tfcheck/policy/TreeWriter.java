package dev.tfcheck.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tfcheck.plan.Json;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/** An {@link InputWriter} that builds the document as a Jackson tree. */
final class TreeWriter implements InputWriter {
  private static final JsonNodeFactory NODES = Json.nodes();

  private final Deque<ContainerNode<?>> open = new ArrayDeque<>();
  private String field;
  private JsonNode root;

  /** The document a writer function writes, as a tree. */
  static JsonNode tree(Consumer<InputWriter> document) {
    TreeWriter tree = new TreeWriter();
    document.accept(tree);
    return tree.root();
  }

  /** The document written. */
  private JsonNode root() {
    if (root == null || !open.isEmpty()) {
      throw new IllegalStateException("the document is not complete");
    }
    return root;
  }

  private void add(JsonNode node) {
    ContainerNode<?> parent = open.peek();
    if (parent == null) {
      if (root != null) {
        throw new IllegalStateException("a document has one root value");
      }
      root = node;
    } else if (parent instanceof ObjectNode object) {
      if (field == null) {
        throw new IllegalStateException("an object member needs a field name");
      }
      object.set(field, node);
      field = null;
    } else {
      ((ArrayNode) parent).add(node);
    }
  }

  @Override
  public void startObject() {
    start(NODES.objectNode());
  }

  @Override
  public void endObject() {
    end(ObjectNode.class, "endObject inside an array");
  }

  @Override
  public void startArray() {
    start(NODES.arrayNode());
  }

  @Override
  public void endArray() {
    end(ArrayNode.class, "endArray inside an object");
  }

  private void start(ContainerNode<?> container) {
    add(container);
    open.push(container);
  }

  private void end(Class<? extends ContainerNode<?>> kind, String mismatch) {
    if (!kind.isInstance(open.pop())) {
      throw new IllegalStateException(mismatch);
    }
  }

  @Override
  public void field(String name) {
    field = name;
  }

  @Override
  public void value(String value) {
    add(value == null ? NODES.nullNode() : NODES.textNode(value));
  }

  @Override
  public void value(long value) {
    add(NODES.numberNode(value));
  }

  @Override
  public void value(boolean value) {
    add(NODES.booleanNode(value));
  }

  @Override
  public void nullValue() {
    add(NODES.nullNode());
  }

  @Override
  public void tree(JsonNode value) {
    add(value == null ? NODES.nullNode() : value);
  }
}
