package dev.tfcheck.source;

import java.util.Objects;

/**
 * Where a block is declared: a {@code .tf} file as the user would name it from where tfcheck runs
 * ({@code infra/modules/db/main.tf}, with {@code /} separators; absolute when the source directory
 * was given absolute), and the 1-based line of the block's first line.
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
