package dev.tfcheck.cli;

import dev.tfcheck.report.ReportFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Report formats on the command line, by name. */
final class FormatConverter implements ITypeConverter<ReportFormat> {
  @Override
  public ReportFormat convert(String value) {
    try {
      return ReportFormat.of(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
