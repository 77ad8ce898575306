package dev.tfcheck.plan;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plan {@code format_version}s tfcheck reads. Terraform promises that a minor version only adds
 * fields, so any 1.x is read (with a warning past the newest one known); a new major is refused.
 */
final class FormatVersion {
  /** The newest format version whose fields tfcheck knows. */
  static final String NEWEST_KNOWN = "1.2";

  private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");

  private FormatVersion() {}

  /**
   * Checks a format version; returns a warning to show, or null.
   *
   * @throws PlanException when the version is malformed or of an unsupported major
   */
  static String check(String version) throws PlanException {
    Matcher m = VERSION.matcher(version);
    if (!m.matches()) {
      throw new PlanException("format_version " + Address.quote(version) + " is not a version tfcheck understands");
    }
    int major = Integer.parseInt(m.group(1));
    int minor = Integer.parseInt(m.group(2));
    if (major == 0 && (minor == 1 || minor == 2)) {
      return null;
    }
    if (major == 1) {
      return minor <= 2
          ? null
          : "format_version " + version + " is newer than the newest tfcheck knows (" + NEWEST_KNOWN
              + "); reading it as " + NEWEST_KNOWN + ", new fields are ignored";
    }
    throw new PlanException("format_version " + version
        + " is not supported (tfcheck reads 0.1, 0.2 and 1.x); upgrade tfcheck");
  }
}
