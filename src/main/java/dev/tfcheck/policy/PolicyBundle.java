package dev.tfcheck.policy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * An OPA bundle built with {@code opa build -t wasm}: a gzipped tar holding {@code /policy.wasm},
 * {@code /data.json} and the Rego sources. opa-java-wasm loads a raw module, so the tar is read here
 * (a few entries of a format fixed since 1988 do not justify a dependency).
 *
 * @param sources the Rego files by path in the bundle: where the rules' METADATA is read from
 */
public record PolicyBundle(String name, String sha256, byte[] wasm, String data, SortedMap<String, String> sources) {
  private static final int BLOCK = 512;

  public static PolicyBundle read(String name, InputStream in) throws IOException {
    byte[] bytes = in.readAllBytes();
    Map<String, byte[]> files = untar(new GZIPInputStream(new ByteArrayInputStream(bytes)));
    byte[] wasm = files.get("policy.wasm");
    if (wasm == null) {
      throw new IOException(name + " holds no policy.wasm: build it with opa build -t wasm");
    }
    byte[] data = files.get("data.json");
    SortedMap<String, String> sources = new TreeMap<>();
    files.forEach((path, content) -> {
      if (path.endsWith(".rego")) {
        sources.put(path, new String(content, StandardCharsets.UTF_8));
      }
    });
    return new PolicyBundle(name, sha256(bytes), wasm,
        data == null ? "{}" : new String(data, StandardCharsets.UTF_8), Collections.unmodifiableSortedMap(sources));
  }

  private static Map<String, byte[]> untar(InputStream in) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    byte[] header = new byte[BLOCK];
    while (in.readNBytes(header, 0, BLOCK) == BLOCK) {
      if (header[0] == 0) {
        break; // end-of-archive marker
      }
      String name = field(header, 0, 100);
      String prefix = field(header, 345, 155);
      String sizeField = field(header, 124, 12).trim();
      long size = sizeField.isEmpty() ? 0 : Long.parseLong(sizeField, 8);
      byte type = header[156];
      byte[] content = in.readNBytes((int) size);
      in.skipNBytes((BLOCK - size % BLOCK) % BLOCK);
      if (type == '0' || type == 0) {
        String path = prefix.isEmpty() ? name : prefix + "/" + name;
        files.put(path.startsWith("/") ? path.substring(1) : path, content);
      }
    }
    return files;
  }

  private static String field(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.UTF_8);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
