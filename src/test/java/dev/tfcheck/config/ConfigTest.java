package dev.tfcheck.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tfcheck.Fixtures;
import dev.tfcheck.finding.Waiver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .tfcheck.yaml: what a valid file gives, and the one-line error for each way a file is wrong. */
class ConfigTest {
  /** The last three keys of a valid waiver, indented as list items are below. */
  private static final String WAIVER = "    reason: accepted\n    owner: platform-team\n    expires: 2026-12-31\n";

  @TempDir
  Path dir;

  @Test
  void readsWaiversInTheFilesOrder() throws ConfigException {
    Config config = Config.read(Fixtures.path("fixtures/config/insecure-waivers.yaml"));
    assertEquals(List.of(
        new Waiver("TFC-ECR-001", "aws_ecr_repository.*",
            "images are deployed by digest, so a moved tag cannot change what runs (PLAT-412)", "platform-team",
            LocalDate.of(2026, 12, 31)),
        new Waiver("TFC-SSM-001", "aws_ssm_parameter.db_*",
            "the task reads these through secrets; moving them to SecureString is PLAT-377", "data-team",
            LocalDate.of(2026, 9, 30)),
        new Waiver("TFC-RDS-006", "module.wagtail_rds_instance.**",
            "monitoring_role_arn is the rds-aurora module's own role, created in the same apply", "data-team",
            LocalDate.of(2026, 6, 1)),
        new Waiver("TFC-RDS-011", "module.wagtail_rds_instance.aws_rds_cluster.this",
            "the upgrade to PostgreSQL 15 was due in the spring maintenance window", "data-team",
            LocalDate.of(2026, 5, 31)),
        new Waiver("TFC-RDS-001", "module.legacy_db.*", "the legacy cluster is encrypted by the account default key",
            "data-team", LocalDate.of(2027, 1, 31))),
        config.waivers());
    assertEquals("{}", config.parameters().toString());
  }

  @Test
  void parametersAndWaiversTogetherAndNeither() throws IOException, ConfigException {
    Config both = read("parameters:\n  min_db_instances: 3\nwaivers:\n  - rule: TFC-RDS-005\n"
        + "    address: module.db.**\n" + WAIVER);
    assertEquals("{\"min_db_instances\":3}", both.parameters().toString());
    assertEquals(List.of(new Waiver("TFC-RDS-005", "module.db.**", "accepted", "platform-team",
        LocalDate.of(2026, 12, 31))), both.waivers());
    assertEquals(List.of(), read("waivers:\n").waivers());
    assertEquals(List.of(), read("").waivers());
  }

  @Test
  void eachMistakeIsOneLineNamingTheFileTheWaiverAndTheProblem() throws IOException {
    String keys = "(a waiver has rule, address, reason, owner, expires)";
    String[][] cases = {
        {"waiver: []\n", "unknown key 'waiver' (known keys: parameters, waivers)"},
        {"waivers:\n  rule: TFC-RDS-005\n", "waivers must be a list of mappings " + keys},
        {"waivers:\n  - TFC-RDS-005\n", "waiver 1 is not a mapping " + keys},
        {waivers("    address: module.db.**\n" + WAIVER), "waiver 2: missing key 'rule' " + keys},
        {waivers("    rule: TFC-RDS-005\n" + WAIVER), "waiver 2: missing key 'address' " + keys},
        {waivers("    rule: TFC-RDS-005\n    address: x.y\n    reason: r\n    expires: 2026-12-31\n"),
            "waiver 2: missing key 'owner' " + keys},
        {waivers("    rule: TFC-RDS-005\n    address: x.y\n    expiry: 2026-12-31\n" + WAIVER),
            "waiver 2: unknown key 'expiry' " + keys},
        {waivers("    rule: TFC-RDS-005\n    address: x.y\n    reason: r\n    owner: o\n    expires: 2026-02-30\n"),
            "waiver 2: expires '2026-02-30' is not a date (YYYY-MM-DD)"},
        {waivers("    rule: TFC-RDS-005\n    address: x.y\n    reason: r\n    owner: o\n    expires: 31/12/2026\n"),
            "waiver 2: expires '31/12/2026' is not a date (YYYY-MM-DD)"},
        {waivers("    rule: TFC-RDS-005\n    address: x.y\n    reason: r\n    owner: 7\n    expires: 2026-12-31\n"),
            "waiver 2: owner must be a string"},
        {waivers("    rule: TFC-RDS-005\n    address: x.y\n    reason: ''\n    owner: o\n    expires: 2026-12-31\n"),
            "waiver 2: reason is empty"},
        {waivers("    rule: TFC-RDS-005\n    address: x.y\n    reason: |\n      one\n      two\n    owner: o\n"
            + "    expires: 2026-12-31\n"), "waiver 2: reason must be one line"},
        {waivers("    rule: TFC-RDS-005\n    address: module.db[0\n" + WAIVER),
            "waiver 2: address 'module.db[0' is not a valid glob: unclosed '[' at character 10"},
        {waivers("    rule: TFC-RDS-005\n    address: module/db\n" + WAIVER),
            "waiver 2: address 'module/db' is not a valid glob: unexpected '/' (a name has letters, digits, _ and -,"
                + " and * for any of them) at character 7"},
    };
    for (String[] c : cases) {
      Path file = Files.writeString(dir.resolve("tfcheck.yaml"), c[0]);
      ConfigException e = assertThrows(ConfigException.class, () -> Config.read(file), c[0]);
      assertEquals(file + ": " + c[1], e.file() + ": " + e.getMessage(), c[0]);
    }
  }

  @Test
  void aWaiverOfARuleNoPolicyHasIsAnError() throws IOException, ConfigException {
    Config config = read(waivers("    rule: TFC-XXX-999\n    address: x.y\n" + WAIVER));
    config.requireKnownRules(Set.of("TFC-RDS-005", "TFC-XXX-999")::contains);
    ConfigException e = assertThrows(ConfigException.class,
        () -> config.requireKnownRules(Set.of("TFC-RDS-005")::contains));
    assertEquals(dir.resolve("tfcheck.yaml") + ": waiver 2: no rule TFC-XXX-999 (tfcheck rules lists them)",
        e.file() + ": " + e.getMessage());
  }

  /** A waivers list whose first waiver is valid and whose second is {@code second}. */
  private static String waivers(String second) {
    return "waivers:\n  - rule: TFC-RDS-005\n    address: module.db.**\n" + WAIVER + "  -\n" + second;
  }

  private Config read(String yaml) throws IOException, ConfigException {
    return Config.read(Files.writeString(dir.resolve("tfcheck.yaml"), yaml));
  }
}
