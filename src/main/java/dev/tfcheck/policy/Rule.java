package dev.tfcheck.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tfcheck.finding.Severity;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;

/**
 * A rule as its {@code # METADATA} describes it: the only place rule metadata is written.
 *
 * @param key the rule's package below {@code data.tfcheck.rules} ({@code rds.storage_encrypted})
 * @param controls requirement and control mappings: {@code spike}, {@code checkov}, {@code fsbp}, ...
 * @param parameters tunable parameters with their defaults
 * @param avoid Terraform that fails the rule
 * @param prefer Terraform that passes it
 */
public record Rule(
    String key,
    String id,
    String title,
    String description,
    Severity severity,
    String tier,
    List<String> resourceTypes,
    SortedMap<String, List<String>> controls,
    SortedMap<String, JsonNode> parameters,
    String recommendedAction,
    String avoid,
    String prefer) {

  public Rule {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(severity, "severity");
    resourceTypes = List.copyOf(resourceTypes);
  }

  /** Where the rule's documentation page lives in the repository. */
  public String docsPath() {
    return "docs/rules/" + id + ".md";
  }
}
