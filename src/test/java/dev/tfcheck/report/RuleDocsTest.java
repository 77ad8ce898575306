package dev.tfcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfcheck.Fixtures;
import dev.tfcheck.policy.BuiltinPolicies;
import dev.tfcheck.policy.Rule;
import dev.tfcheck.policy.RuleCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * METADATA is the only home of rule metadata: every rule has all of it, and the pages in docs/rules/
 * and the catalog in docs/rules.md are exactly what it generates. After editing a rule's METADATA:
 * {@code mvn test -Dtest=RuleDocsTest -Dgolden.update=true}.
 */
class RuleDocsTest {
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  private static final RuleCatalog CATALOG = BuiltinPolicies.catalog();
  private static final Set<String> TIERS = Set.of("spike", "baseline", "change");

  @Test
  void everyRuleHasCompleteMetadata() {
    List<String> problems = new ArrayList<>();
    for (Rule r : CATALOG.rules()) {
      if (!r.id().matches("TFC-[A-Z0-9]+-\\d{3}")) {
        problems.add(r.id() + ": id is not TFC-<SERVICE>-<NNN>");
      }
      if (!TIERS.contains(r.tier())) {
        problems.add(r.id() + ": tier " + r.tier() + " is not one of " + TIERS);
      }
      if (r.description().isBlank()) {
        problems.add(r.id() + ": no description");
      }
      if (r.resourceTypes().isEmpty() && !"change".equals(r.tier())) {
        problems.add(r.id() + ": no resource_types (only plan-level change rules judge no resource)");
      }
      if (r.recommendedAction().isBlank()) {
        problems.add(r.id() + ": no recommended_action");
      }
      if (r.avoid().isBlank() || r.prefer().isBlank()) {
        problems.add(r.id() + ": no avoid/prefer Terraform");
      }
    }
    assertEquals(List.of(), problems);
    assertFalse(CATALOG.rules().isEmpty());
  }

  @Test
  void rulePagesAreGeneratedFromMetadata() throws IOException {
    Path dir = Fixtures.path("docs/rules");
    Files.createDirectories(dir);
    Set<String> expectedFiles = new TreeSet<>();
    for (Rule r : CATALOG.rules()) {
      Path page = dir.resolve(r.id() + ".md");
      expectedFiles.add(page.getFileName().toString());
      String generated = RuleDocs.markdown(r);
      if (UPDATE) {
        Files.writeString(page, generated);
      }
      assertTrue(Files.exists(page), page + " is missing: run with -Dgolden.update=true");
      assertEquals(generated, Files.readString(page), page + " is out of date: run with -Dgolden.update=true");
    }
    try (Stream<Path> files = Files.list(dir)) {
      Set<String> actual = new TreeSet<>(files.map(p -> p.getFileName().toString()).toList());
      if (UPDATE) {
        for (String stale : actual) {
          if (!expectedFiles.contains(stale)) {
            Files.delete(dir.resolve(stale));
          }
        }
        actual.retainAll(expectedFiles);
      }
      assertEquals(expectedFiles, actual, "docs/rules/ holds a page for every rule and nothing else");
    }
  }

  @Test
  void catalogPageIsGeneratedFromMetadata() throws IOException {
    Path page = Fixtures.path("docs/rules.md");
    String generated = "# Rule catalog\n\nGenerated from the rules' METADATA by `tfcheck rules --format markdown`.\n\n"
        + RuleDocs.markdownTable(CATALOG.rules());
    if (UPDATE) {
      Files.writeString(page, generated);
    }
    assertEquals(generated, Files.readString(page), page + " is out of date: run with -Dgolden.update=true");
  }
}
