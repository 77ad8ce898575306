package dev.tfcheck.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * A Terraform plan as read from {@code terraform show -json}: the raw document and what was learnt
 * while reading it.
 *
 * @param source what the user named ({@code -} for stdin)
 * @param sha256 hex SHA-256 of the bytes read (the file as given, before decompression)
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
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(formatVersion, "formatVersion");
    warnings = List.copyOf(warnings);
  }

  /** A top-level section, or a missing node when absent (normal in older format versions). */
  public JsonNode section(String name) {
    return root.path(name);
  }
}
