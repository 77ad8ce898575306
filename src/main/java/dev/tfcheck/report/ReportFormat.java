package dev.tfcheck.report;

import java.util.Locale;
import java.util.function.Supplier;

/** The output formats, by the name users give them ({@code --format}, {@code --output NAME=PATH}). */
public enum ReportFormat {
  TEXT(TextReport::new),
  JSON(JsonReport::new),
  SARIF(SarifReport::new),
  JUNIT(JunitReport::new),
  MARKDOWN(MarkdownReport::new),
  HTML(HtmlReport::new);

  private final Supplier<Report> report;

  ReportFormat(Supplier<Report> report) {
    this.report = report;
  }

  public Report report() {
    return report.get();
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
