package dev.tfcheck.source;

/** A source directory that cannot be read; the message completes {@code "<file>: "}. */
public final class SourceException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String file;

  public SourceException(String file, String message) {
    super(message);
    this.file = file;
  }

  public String file() {
    return file;
  }
}
