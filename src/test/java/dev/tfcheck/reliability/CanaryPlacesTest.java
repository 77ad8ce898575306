package dev.tfcheck.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfcheck.Fixtures;
import dev.tfcheck.report.ReportFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets never leave, wherever a plan keeps them: fixtures/canary/plan.template.json marks each
 * sensitive place with {@code @@CANARY_<place>@@} (an after_sensitive attribute, before_sensitive,
 * nested blocks, a map in a nested block, a JSON-encoded string, sensitive_values, prior_state,
 * resource_drift, sensitive outputs, sensitive variables and their defaults, a master_password and
 * other constants in the configuration, a module call's argument). Each run puts a fresh random
 * string in each place, so no output can pass by having learnt a fixed value, then searches every
 * report format, on stdout and in files, inspect's document, and stderr with --debug, with the
 * built-in rules and with a policy written to print every value it can reach.
 */
class CanaryPlacesTest {
  private static final Pattern PLACE = Pattern.compile("@@CANARY_(\\w+)@@");
  private static final String LEAKY = "fixtures/policies/leaky";

  @TempDir
  Path dir;

  /** The random part of each place's canary, by place. */
  private final Map<String, String> canaries = new TreeMap<>();
  private Path plan;

  @BeforeEach
  void plantCanaries() throws Exception {
    String template = Files.readString(Fixtures.path("fixtures/canary/plan.template.json"));
    SecureRandom random = new SecureRandom();
    Matcher m = PLACE.matcher(template);
    StringBuilder text = new StringBuilder();
    while (m.find()) {
      String secret = canaries.computeIfAbsent(m.group(1), p -> {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
      });
      m.appendReplacement(text, "canary-" + m.group(1) + "-" + secret);
    }
    m.appendTail(text);
    plan = Files.writeString(dir.resolve("plan.json"), text);
  }

  @Test
  void everyPlaceHoldsItsCanary() throws Exception {
    assertEquals(20, canaries.size(), "the places of the template");
    String text = Files.readString(plan);
    canaries.values().forEach(c -> assertTrue(text.contains(c), "else this test proves nothing"));
  }

  @Test
  void noReportFormatCarriesACanary() throws Exception {
    for (List<String> policies : List.of(List.<String>of(), List.of("--policy", Fixtures.path(LEAKY).toString()))) {
      for (ReportFormat format : ReportFormat.values()) {
        List<String> args = new ArrayList<>(List.of("check", plan.toString(), "--format", format.id(), "--debug"));
        args.addAll(policies);
        for (ReportFormat file : ReportFormat.values()) {
          args.add("--output");
          args.add(file.id() + "=" + dir.resolve("report." + file.id()));
        }
        BadInputTest.Run run = BadInputTest.Run.inProcess(new byte[0], args);
        assertEquals(1, run.exit(), run.err());
        String what = format.id() + (policies.isEmpty() ? "" : " with the leaky policy");
        assertNoCanary(run.out(), what + " on stdout");
        assertNoCanary(run.err(), what + " on stderr");
        for (ReportFormat file : ReportFormat.values()) {
          String written = Files.readString(dir.resolve("report." + file.id()));
          assertTrue(written.contains("aws_rds_cluster.app"), file.id() + " judged the cluster");
          assertNoCanary(written, file.id() + " written to a file" + (policies.isEmpty() ? "" : " with the leaky policy"));
        }
      }
    }
  }

  @Test
  void leakyPolicyRanAndPrintedWhatItCould() {
    BadInputTest.Run run = BadInputTest.Run.inProcess(new byte[0],
        List.of("check", plan.toString(), "--policy", Fixtures.path(LEAKY).toString(), "--only", "TFC-RDS-001"));
    assertTrue(run.out().contains("aws_rds_cluster.app after: {"), "the policy printed the cluster: " + run.out());
    assertTrue(run.out().contains("(sensitive)"), "and saw the marker where the values were");
  }

  @Test
  void inspectCarriesNoCanary() {
    BadInputTest.Run run = BadInputTest.Run.inProcess(new byte[0], List.of("inspect", plan.toString(), "--debug"));
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("\"aws_rds_cluster.app\""), run.out());
    assertNoCanary(run.out(), "inspect");
    assertNoCanary(run.err(), "inspect's stderr");
  }

  private void assertNoCanary(String output, String where) {
    canaries.forEach((place, secret) -> assertFalse(output.contains(secret), "the " + place + " canary in " + where));
  }
}
