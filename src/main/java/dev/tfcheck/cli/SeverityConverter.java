package dev.tfcheck.cli;

import dev.tfcheck.finding.Severity;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Severities on the command line, in any case. */
final class SeverityConverter implements ITypeConverter<Severity> {
  @Override
  public Severity convert(String value) {
    try {
      return Severity.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException("'" + value + "' is not a severity (CRITICAL, HIGH, MEDIUM, LOW)");
    }
  }
}
