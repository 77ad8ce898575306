package dev.tfcheck.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** What HTML output needs: escaping of untrusted text, the report's assets, their CSP hashes. */
final class Html {
  private Html() {}

  /**
   * Text safe in element content and in quoted attribute values. Every value that comes from a
   * plan or a policy (addresses, messages, paths, rule metadata) goes through here.
   */
  static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * JSON text safe inside {@code <script type="application/json">}: a {@code <} can only stand in
   * a JSON string, where {@code \u003c} means the same, so no {@code </script>} or {@code <!--}
   * can end or bend the block.
   */
  static String scriptData(String json) {
    return json.replace("<", "\\u003c");
  }

  /** A resource beside this class, as UTF-8 text with "\n" line ends. */
  static String asset(String name) {
    try (InputStream in = Html.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Content-Security-Policy source that allows exactly this inline script or style. */
  static String cspHash(String inline) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(inline.getBytes(StandardCharsets.UTF_8));
      return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
