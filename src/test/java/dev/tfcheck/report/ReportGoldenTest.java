package dev.tfcheck.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SARIF, JUnit and Markdown reports of the clean, the failing and the waived-and-unknown case (see
 * {@link ReportCases}), with source locations, against golden files: {@code NAME.sarif},
 * {@code NAME.junit.xml}, {@code NAME.md}. The JSON report has its own ({@link GoldenReportTest}).
 */
class ReportGoldenTest {
  private static final Map<ReportFormat, String> EXTENSIONS =
      Map.of(ReportFormat.SARIF, ".sarif", ReportFormat.JUNIT, ".junit.xml", ReportFormat.MARKDOWN, ".md");

  static List<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (ReportCases.Case c : ReportCases.ALL) {
      for (ReportFormat f : List.of(ReportFormat.SARIF, ReportFormat.JUNIT, ReportFormat.MARKDOWN)) {
        out.add(Arguments.of(c, f));
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void reportMatchesItsGoldenFile(ReportCases.Case c, ReportFormat format) throws Exception {
    Golden.assertMatches(c.name() + EXTENSIONS.get(format), format.report().render(ReportCases.run(c)));
  }
}
