package dev.tfcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A format says whether it records the plan's SHA-256, and tfcheck computes the digest only when a
 * format asked for does: a report that shows it while its format says no would fail at run time.
 */
class ReportFormatTest {
  @ParameterizedTest
  @EnumSource(ReportFormat.class)
  void aFormatRecordsThePlanDigestExactlyWhenItSaysSo(ReportFormat format) {
    Run run = ReportCases.run(ReportCases.WAGTAIL);
    String digest = run.checks().get(0).plan().sha256();
    assertEquals(format.recordsPlanDigest(), format.report().render(run).contains(digest), format.id());
  }
}
