package dev.tfcheck.source;

import java.util.Objects;

/**
 * Where a block is declared: a {@code .tf} file, relative to the source directory with {@code /}
 * separators (it may climb out of it, {@code ../../modules/kms/main.tf}, when a module lives beside
 * the root), and the 1-based line of the block's first line.
 */
public record SourceLocation(String file, int line) {
  public SourceLocation {
    Objects.requireNonNull(file, "file");
    if (line < 1) {
      throw new IllegalArgumentException("line must be 1 or more: " + line);
    }
  }

  @Override
  public String toString() {
    return file + ":" + line;
  }
}
