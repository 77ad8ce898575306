package dev.tfcheck.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormatVersionTest {
  @ParameterizedTest
  @ValueSource(strings = {"0.1", "0.2", "1.0", "1.1", "1.2"})
  void knownVersionsReadSilently(String v) throws PlanException {
    assertNull(FormatVersion.check(v));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.3", "1.10"})
  void laterMinorIsReadWithAWarning(String v) throws PlanException {
    assertEquals("format_version " + v + " is newer than the newest tfcheck knows (1.2); reading it as 1.2,"
        + " new fields are ignored", FormatVersion.check(v));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2.0", "0.3", "3.1"})
  void otherMajorsAreRefused(String v) {
    PlanException e = assertThrows(PlanException.class, () -> FormatVersion.check(v));
    assertEquals("format_version " + v + " is not supported (tfcheck reads 0.1, 0.2 and 1.x); upgrade tfcheck",
        e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1", "one.two", "1.2.3"})
  void malformedIsRefused(String v) {
    assertThrows(PlanException.class, () -> FormatVersion.check(v));
  }
}
