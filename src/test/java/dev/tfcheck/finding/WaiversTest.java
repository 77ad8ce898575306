package dev.tfcheck.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tfcheck.Fixtures;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The waiver engine on hand-made results: every result and every waiver's use, compared whole. */
class WaiversTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
  private static final Map<String, Severity> SEVERITIES =
      Map.of("TFC-S3-001", Severity.HIGH, "TFC-RDS-001", Severity.LOW);

  private static Result result(String rule, String address, Outcome outcome, String message) {
    return new Result(rule, SEVERITIES.get(rule), address, outcome, "", message);
  }

  private static Waivers.Applied apply(List<Waiver> waivers, Result... results) {
    return new Waivers(waivers, TODAY, SEVERITIES::get).apply(List.of(results));
  }

  @Test
  void aWaiverInForceWaivesFailAndUnknownOfItsRuleOnMatchingAddresses() {
    Waiver w = new Waiver("TFC-S3-001", "module.app.**", "accepted", "alice", TODAY);
    Result fail = result("TFC-S3-001", "module.app.aws_s3_bucket.a", Outcome.FAIL, "not encrypted");
    Result unknown = result("TFC-S3-001", "module.app.aws_s3_bucket.b", Outcome.UNKNOWN, "known after apply");
    Result pass = result("TFC-S3-001", "module.app.aws_s3_bucket.c", Outcome.PASS, "");
    Result elsewhere = result("TFC-S3-001", "aws_s3_bucket.d", Outcome.FAIL, "not encrypted");
    Result otherRule = result("TFC-RDS-001", "module.app.aws_rds_cluster.e", Outcome.FAIL, "not encrypted");
    assertEquals(new Waivers.Applied(
        List.of(
            otherRule,
            elsewhere,
            fail.withOutcome(Outcome.WAIVED, "not encrypted; waived until 2026-06-01 by alice: accepted"),
            unknown.withOutcome(Outcome.WAIVED, "known after apply; waived until 2026-06-01 by alice: accepted"),
            pass),
        List.of(new WaiverUse(w, WaiverUse.Status.APPLIED,
            List.of("module.app.aws_s3_bucket.a", "module.app.aws_s3_bucket.b")))),
        apply(List.of(w), fail, unknown, pass, elsewhere, otherRule));
  }

  @Test
  void anExpiredWaiverWaivesNothingAndFailsWithTheSeverityOfItsRuleWhetherOrNotItMatches() {
    Waiver matching = new Waiver("TFC-S3-001", "**", "accepted", "alice", TODAY.minusDays(1));
    Waiver stale = new Waiver("TFC-RDS-001", "module.gone.*", "legacy", "bob", LocalDate.of(2025, 1, 31));
    Result fail = result("TFC-S3-001", "aws_s3_bucket.a", Outcome.FAIL, "not encrypted");
    assertEquals(new Waivers.Applied(
        List.of(
            fail,
            new Result(Waivers.EXPIRED_RULE, Severity.HIGH, "**", Outcome.FAIL, "",
                "waiver 1 (TFC-S3-001 **) expired after 2026-05-31: fix what it waives, or have alice renew it with a later date"),
            new Result(Waivers.EXPIRED_RULE, Severity.LOW, "module.gone.*", Outcome.FAIL, "",
                "waiver 2 (TFC-RDS-001 module.gone.*) expired after 2025-01-31: fix what it waives, or have bob renew it with a later date")),
        List.of(new WaiverUse(matching, WaiverUse.Status.EXPIRED, List.of()),
            new WaiverUse(stale, WaiverUse.Status.EXPIRED, List.of()))),
        apply(List.of(matching, stale), fail));
  }

  @Test
  void theFirstMatchingWaiverWaivesAndAWaiverMatchingNothingIsUnused() {
    Waiver first = new Waiver("TFC-S3-001", "aws_s3_bucket.*", "first", "alice", TODAY.plusDays(1));
    Waiver second = new Waiver("TFC-S3-001", "aws_s3_bucket.a", "second", "bob", TODAY.plusDays(1));
    Result fail = result("TFC-S3-001", "aws_s3_bucket.a", Outcome.FAIL, "not encrypted");
    assertEquals(new Waivers.Applied(
        List.of(fail.withOutcome(Outcome.WAIVED, "not encrypted; waived until 2026-06-02 by alice: first")),
        List.of(new WaiverUse(first, WaiverUse.Status.APPLIED, List.of("aws_s3_bucket.a")),
            new WaiverUse(second, WaiverUse.Status.UNUSED, List.of()))),
        apply(List.of(first, second), fail));
  }

  @Test
  void unusedNamesTheWaiversUnusedInEveryPlanOfRulesTheRunJudged() {
    Waiver usedInOne = new Waiver("TFC-S3-001", "aws_s3_bucket.a", "r", "o", TODAY);
    Waiver usedInNone = new Waiver("TFC-S3-001", "aws_s3_bucket.z", "r", "o", TODAY);
    Waiver notJudged = new Waiver("TFC-RDS-001", "aws_rds_cluster.z", "r", "o", TODAY);
    List<Waiver> waivers = List.of(usedInOne, usedInNone, notJudged);
    Waivers engine = new Waivers(waivers, TODAY, SEVERITIES::get);
    List<CheckResult> checks = List.of(
        check(engine.apply(List.of(result("TFC-S3-001", "aws_s3_bucket.a", Outcome.FAIL, "x")))),
        check(engine.apply(List.of(result("TFC-S3-001", "aws_s3_bucket.b", Outcome.FAIL, "x")))));
    assertEquals(List.of("waiver 2 (TFC-S3-001 aws_s3_bucket.z)"), Waivers.unused(checks, Set.of("TFC-S3-001")));
    assertEquals(List.of("waiver 2 (TFC-S3-001 aws_s3_bucket.z)", "waiver 3 (TFC-RDS-001 aws_rds_cluster.z)"),
        Waivers.unused(checks, Set.of("TFC-S3-001", "TFC-RDS-001")));
  }

  @Test
  void noWaiversChangeNothing() {
    Result fail = result("TFC-S3-001", "aws_s3_bucket.a", Outcome.FAIL, "not encrypted");
    assertEquals(new Waivers.Applied(List.of(fail), List.of()), Waivers.none().apply(List.of(fail)));
  }

  private static CheckResult check(Waivers.Applied applied) {
    return new CheckResult(Fixtures.plan("fixtures/reference/wagtail.plan.json"), List.of(),
        applied.results(), Summary.of(applied.results(), 1, 1), applied.uses());
  }
}
