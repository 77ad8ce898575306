package dev.tfcheck.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.tfcheck.Fixtures;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which results a baseline marks: FAILs it had, by rule and address, and nothing else. */
class BaselineTest {
  private static Result fail(String rule, String address) {
    return new Result(rule, Severity.HIGH, address, Outcome.FAIL, "", "now says " + address);
  }

  @Test
  void marksOnlyFailsWithTheSameRuleAndAddress() {
    Baseline baseline = new Baseline(Set.of(new Baseline.Key("TFC-S3-001", "aws_s3_bucket.a"),
        new Baseline.Key("TFC-S3-001", "aws_s3_bucket.b"),
        new Baseline.Key(Waivers.EXPIRED_RULE, "aws_s3_bucket.*")));
    Result known = fail("TFC-S3-001", "aws_s3_bucket.a");
    Result otherAddress = fail("TFC-S3-001", "aws_s3_bucket.c");
    Result otherRule = fail("TFC-S3-002", "aws_s3_bucket.a");
    Result unknown = new Result("TFC-S3-001", Severity.HIGH, "aws_s3_bucket.b", Outcome.UNKNOWN, "", "after apply");
    Result expired = fail(Waivers.EXPIRED_RULE, "aws_s3_bucket.*");
    List<Result> marked = baseline.apply(List.of(known, otherAddress, otherRule, unknown, expired));
    assertEquals(List.of(
        new Result("TFC-S3-001", Severity.HIGH, "aws_s3_bucket.a", Outcome.FAIL, "", "now says aws_s3_bucket.a", true),
        otherAddress, otherRule, unknown, expired), marked);
    assertEquals(List.of(false, true, true, false, true), marked.stream().map(Result::isNewFailure).toList());
  }

  @Test
  void aBaselineFailNoLongerFailsTheCheckNorCountsAsNew() {
    List<Result> results = new Baseline(Set.of(new Baseline.Key("TFC-S3-001", "aws_s3_bucket.a")))
        .apply(List.of(fail("TFC-S3-001", "aws_s3_bucket.a")));
    CheckResult check = new CheckResult(Fixtures.plan("fixtures/reference/wagtail.plan.json"), List.of(),
        results, Summary.of(results, 1, 1), List.of());
    assertFalse(check.failsAt(Severity.LOW));
    assertEquals(new Summary(1, 0, 0, 0, 1, 1, 1), check.summary());
    assertEquals("1 failed (1 in the baseline), 0 unknown, 0 passed, 0 waived (1 resource, 1 rule)", check.summary().line());
  }
}
