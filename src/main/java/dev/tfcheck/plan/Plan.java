package dev.tfcheck.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A Terraform plan as read from {@code terraform show -json}: the raw document and what was learnt
 * while reading it.
 *
 * @param source what the user named ({@code -} for stdin)
 * @param sha256 hex SHA-256 of the bytes read (the file as given, before decompression), or null
 *     when the plan was read without it ({@link PlanReader}: no report asked for it)
 * @param root the plan document
 * @param formatVersion {@code format_version}
 * @param terraformVersion {@code terraform_version}, or null
 * @param warnings things the user should know that do not stop the check (one line each)
 */
public record Plan(
    String source,
    String sha256,
    ObjectNode root,
    String formatVersion,
    String terraformVersion,
    List<String> warnings) {

  public Plan {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(formatVersion, "formatVersion");
    warnings = List.copyOf(warnings);
  }

  /** The digest; the reports that record it make the reader compute it. */
  @Override
  public String sha256() {
    if (sha256 == null) {
      throw new IllegalStateException(source + " was read without its SHA-256");
    }
    return sha256;
  }

  /**
   * The same plan without some top-level sections (the others shared, not copied): what is kept of a
   * large plan once the sections have been read into a model.
   */
  public Plan without(Set<String> sections) {
    ObjectNode kept = root.objectNode();
    root.fields().forEachRemaining(e -> {
      if (!sections.contains(e.getKey())) {
        kept.set(e.getKey(), e.getValue());
      }
    });
    return new Plan(source, sha256, kept, formatVersion, terraformVersion, warnings);
  }

  /** A top-level section, or a missing node when absent (normal in older format versions). */
  public JsonNode section(String name) {
    return root.path(name);
  }
}
