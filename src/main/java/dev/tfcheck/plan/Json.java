package dev.tfcheck.plan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The one Jackson configuration tfcheck reads and writes JSON with, and the one it reads YAML with. */
public final class Json {
  /**
   * Plans keep numbers exactly (a plan may carry values beyond double precision), refuse duplicate
   * keys (Terraform never writes them, so a duplicate means the file is not what it claims), and
   * allow deep but not unbounded nesting.
   */
  public static final ObjectMapper MAPPER = JsonMapper.builder(
          JsonFactory.builder()
              .streamReadConstraints(StreamReadConstraints.builder()
                  .maxNestingDepth(1000)
                  .maxStringLength(Integer.MAX_VALUE)
                  .build())
              .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
              .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
              .build())
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .build();

  /** Two-space indentation, one value per line, "\n" line ends on every platform. */
  private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
      .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private Json() {}

  /**
   * The mapper for YAML ({@code .tfcheck.yaml}, rules' METADATA), made when first asked for: a check
   * without a configuration file never needs YAML, and making the mapper (SnakeYAML's classes with
   * it) took ~10 ms of every start.
   */
  public static ObjectMapper yaml() {
    return Yaml.MAPPER;
  }

  private static final class Yaml {
    static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());
  }

  public static JsonNodeFactory nodes() {
    return MAPPER.getNodeFactory();
  }

  /** Pretty JSON ending in a newline. */
  public static String pretty(JsonNode node) {
    try {
      return PRETTY.writeValueAsString(node) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Compact JSON as UTF-8 bytes (what a Wasm module reads: no String in between). */
  public static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Compact JSON. */
  public static String compact(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
