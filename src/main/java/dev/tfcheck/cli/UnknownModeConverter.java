package dev.tfcheck.cli;

import dev.tfcheck.policy.UnknownMode;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --unknown warn|fail|pass}. */
final class UnknownModeConverter implements ITypeConverter<UnknownMode> {
  @Override
  public UnknownMode convert(String value) {
    try {
      return UnknownMode.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException("'" + value + "' is not one of warn, fail, pass");
    }
  }
}
