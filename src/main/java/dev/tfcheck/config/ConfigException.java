package dev.tfcheck.config;

/** A configuration file that tfcheck cannot use; the message completes {@code "<file>: "}. */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String file;

  public ConfigException(String file, String message) {
    super(message);
    this.file = file;
  }

  public String file() {
    return file;
  }
}
