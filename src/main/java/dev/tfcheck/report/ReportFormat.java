package dev.tfcheck.report;

import java.util.Locale;
import java.util.function.Supplier;

/** The output formats, by the name users give them ({@code --format}, {@code --output NAME=PATH}). */
public enum ReportFormat {
  TEXT(TextReport::new, false),
  JSON(JsonReport::new, true),
  SARIF(SarifReport::new, true),
  JUNIT(JunitReport::new, true),
  MARKDOWN(MarkdownReport::new, false),
  HTML(HtmlReport::new, true);

  private final Supplier<Report> report;
  private final boolean recordsPlanDigest;

  ReportFormat(Supplier<Report> report, boolean recordsPlanDigest) {
    this.report = report;
    this.recordsPlanDigest = recordsPlanDigest;
  }

  public Report report() {
    return report.get();
  }

  /** Whether the report records each plan's SHA-256 (evidence of what was checked). */
  public boolean recordsPlanDigest() {
    return recordsPlanDigest;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The format of a name, in any case; IllegalArgumentException naming the known ones otherwise. */
  public static ReportFormat of(String name) {
    for (ReportFormat f : values()) {
      if (f.id().equalsIgnoreCase(name.trim())) {
        return f;
      }
    }
    StringBuilder known = new StringBuilder();
    for (ReportFormat f : values()) {
      known.append(known.length() == 0 ? "" : ", ").append(f.id());
    }
    throw new IllegalArgumentException("'" + name + "' is not a format (" + known + ")");
  }
}
