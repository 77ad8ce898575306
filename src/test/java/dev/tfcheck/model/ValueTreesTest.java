package dev.tfcheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tfcheck.plan.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueTreesTest {
  private static JsonNode json(String s) throws Exception {
    return Json.MAPPER.readTree(s);
  }

  @Test
  void truePathsAreMaximal() throws Exception {
    assertEquals(List.of("arn", "ingress.0.cidr_blocks.1", "tags_all"), List.copyOf(ValueTrees.truePaths(json(
        "{\"arn\":true,\"id\":false,\"ingress\":[{\"cidr_blocks\":[false,true]}],\"tags_all\":true,\"tags\":{}}"))));
    assertEquals(List.of(""), List.copyOf(ValueTrees.truePaths(json("true"))));
    assertEquals(List.of(), List.copyOf(ValueTrees.truePaths(json("false"))));
  }

  @Test
  void maskReplacesMarkedPartsOnly() throws Exception {
    JsonNode value = json("{\"name\":\"db\",\"password\":\"hunter2\",\"tags\":{\"a\":\"1\",\"b\":\"2\"},\"list\":[\"x\",\"y\"]}");
    JsonNode masked = ValueTrees.mask(value, json("{\"password\":true,\"tags\":{\"b\":true},\"list\":[false,true]}"));
    assertEquals(json("{\"name\":\"db\",\"password\":\"(sensitive)\",\"tags\":{\"a\":\"1\",\"b\":\"(sensitive)\"},"
        + "\"list\":[\"x\",\"(sensitive)\"]}"), masked);
    assertEquals("hunter2", value.get("password").asText(), "the input is not modified");
  }

  @Test
  void unmarkedValueIsShared() throws Exception {
    JsonNode value = json("{\"name\":\"db\"}");
    assertSame(value, ValueTrees.mask(value, json("{\"tags\":{}}")));
  }

  @Test
  void marksThatDoNotFollowTheShapeFailClosed() throws Exception {
    assertEquals(json("\"(sensitive)\""), ValueTrees.mask(json("\"a string\""), json("{\"x\":true}")));
    assertEquals(json("\"a string\""), ValueTrees.mask(json("\"a string\""), json("{\"x\":false}")));
  }
}
