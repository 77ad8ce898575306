package dev.tfcheck.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tfcheck.Fixtures;
import dev.tfcheck.model.MaskedPlan;
import dev.tfcheck.model.Model;
import dev.tfcheck.plan.Json;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The values {@link OpaValueImage} lays out are those OPA's parser builds from the same text (with
 * repeated values shared): OPA
 * writes both back to the same JSON, objects in the order it iterates them (which follows the
 * hash buckets and the order of each bucket's chain), and the rules judge the same (the golden
 * reports, {@code RuleByRuleTest}).
 */
class OpaValueImageTest {
  private final CompiledPolicy policy = BuiltinPolicies.compiled(BuiltinPolicies.bundle()).orElseThrow();

  @Test
  void everyKindOfValueReadsBackAsOpaParsedIt() throws Exception {
    JsonNode document = Json.MAPPER.readTree("""
        {"null": null, "true": true, "false": false, "": "", "empty": {}, "none": [],
         "numbers": [0, -1, 42, 1.5, -0.25, 1e3, 1.0E-7, 12345678901234567890123, 3.14159265358979323846264],
         "strings": ["plain", "quote \\" backslash \\\\ slash /", "tab\\tnew\\nline\\r\\b\\f", "\\u0001",
                     "é ü ß", "日本語", "emoji \\ud83d\\ude00", "\\u00e9 escaped"],
         "nested": {"a": {"b": {"c": [[], [{}], [[1]]]}}},
         "keys": {"b": 1, "a": 2, "aa": 3, "ab": 4, "é": 5, "Z": 6, "a\\u0000": 7}}
        """);
    assertSameAsParsed(document);
  }

  /** Objects grow from 8 buckets past a load of 0.7 and arrays from 10 elements, doubling. */
  @Test
  void largeObjectsAndArraysReadBackAsOpaParsedThem() {
    for (int size : new int[] {5, 6, 11, 12, 23, 100, 1000}) {
      ObjectNode object = Json.nodes().objectNode();
      ArrayNode array = object.putArray("array");
      for (int i = 0; i < size; i++) {
        object.put("key-" + (i * 7919 % size), i);
        array.add("element " + i);
      }
      assertSameAsParsed(object);
    }
  }

  /** A block larger than the image's segments (a long string, a long array's elements) gets one of its own. */
  @Test
  void blocksLargerThanASegmentReadBackAsOpaParsedThem() {
    ObjectNode document = Json.nodes().objectNode();
    document.put("long", "x".repeat(3 << 20));
    ArrayNode many = document.putArray("many");
    for (int i = 0; i < 200_000; i++) {
      many.add(i % 2 == 0);
    }
    document.put("after", "the next block");
    assertSameAsParsed(document);
  }

  /**
   * Each distinct value is laid out once and shared: a second copy of an object adds only the member
   * that holds it; a copy that differs in one element adds the containers around that element.
   */
  @Test
  void repeatedValuesAreLaidOutOnce() throws Exception {
    String copy = "{\"k\": \"v\", \"n\": null, \"t\": true, \"a\": [\"v\", false]}";
    JsonNode one = Json.MAPPER.readTree("{\"k\": " + copy + "}");
    JsonNode same = Json.MAPPER.readTree("{\"k\": " + copy + ", \"n\": " + copy + "}");
    JsonNode other = Json.MAPPER.readTree("{\"k\": " + copy + ", \"n\": " + copy.replace("false", "true") + "}");
    int header = OpaValueImage.BLOCK_HEADER;
    int member = header + 16; // opa_object_elem_t, 12 bytes in a 16-byte block
    int object = (header + 16) + (header + 64) + 4 * member; // the struct, 8 buckets (32 bytes in a 64-byte block), 4 members
    int array = (header + 16) + (header + 80); // the struct, room for 10 elements
    assertEquals(member, size(same) - size(one));
    assertEquals(member + object + array, size(other) - size(one));
    assertSameAsParsed(same);
    assertSameAsParsed(other);
  }

  private static int size(JsonNode document) {
    return OpaValueImage.write(w -> w.tree(document), 1 << 16).size();
  }

  @ParameterizedTest
  @MethodSource("plans")
  void policyInputsAndPlansReadBackAsOpaParsedThem(String plan) {
    Model model = Fixtures.model(plan);
    assertSameAsParsed(PolicyInput.of(model));
    assertSameAsParsed(MaskedPlan.of(model.plan(), model));
  }

  /**
   * What the engine evaluates: the input written straight into the layout, value by value, is the
   * image of the tree the same writes build, byte for byte (and so reads back as OPA parsed it, above).
   */
  @ParameterizedTest
  @MethodSource("plans")
  void theInputWrittenIntoTheLayoutIsTheImageOfItsTree(String plan) {
    Model model = Fixtures.model(plan);
    int base = 1 << 16;
    OpaValueImage written = OpaValueImage.write(w -> PolicyInput.write(model, null, w), base);
    ObjectNode tree = PolicyInput.of(model);
    OpaValueImage ofTree = OpaValueImage.write(w -> w.tree(tree), base);
    assertEquals(ofTree.size(), written.size());
    assertEquals(ofTree.root(), written.root());
    assertArrayEquals(bytes(ofTree), bytes(written));
  }

  private static byte[] bytes(OpaValueImage image) {
    Memory memory = new ByteArrayMemory(new MemoryLimits((image.base() + image.size()) / Memory.PAGE_SIZE + 1));
    image.copyTo(memory);
    return memory.readBytes(image.base(), image.size());
  }

  /** Plans of every shape the rules meet: the reference plans, the rule fixtures, 1,000 resources. */
  static Stream<String> plans() {
    return Stream.of("fixtures/reference/wagtail.plan.json", "fixtures/reference/insecure.plan.json",
        "fixtures/rules/violations.plan.json", "fixtures/rules/changes.plan.json",
        "fixtures/shared-reference/plan-1k.json.gz");
  }

  /** The check above can fail: a value laid out wrongly reads back differently. */
  @Test
  void aDifferentDocumentReadsBackDifferently() throws Exception {
    policy.input(EngineInput.of(Json.MAPPER.readTree("{\"a\": [1, 2]}")));
    String image = policy.inputJson();
    policy.parseInput("{\"a\": [2, 1]}".getBytes(StandardCharsets.UTF_8));
    assertNotEquals(policy.inputJson(), image);
  }

  @Test
  void stringKeysHashAsOpaHashesThem() {
    // FNV-1, 32 bits: the empty string is the offset basis, "a" one multiply and xor away
    assertEquals(0x811c9dc5, OpaValueImage.hash(new byte[0]));
    assertEquals(0x050c5d7e, OpaValueImage.hash("a".getBytes(StandardCharsets.UTF_8)));
  }

  private void assertSameAsParsed(JsonNode document) {
    policy.parseInput(Json.bytes(document));
    String parsed = policy.inputJson();
    policy.input(EngineInput.of(document));
    assertEquals(parsed, policy.inputJson());
  }
}
