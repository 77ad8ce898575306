package dev.tfcheck;

import dev.tfcheck.model.Model;
import dev.tfcheck.model.ModelBuilder;
import dev.tfcheck.plan.Plan;
import dev.tfcheck.plan.PlanException;
import dev.tfcheck.plan.PlanReader;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;

/** Paths to the repository's fixtures, wherever the tests run from. */
public final class Fixtures {
  private Fixtures() {}

  public static Path repo() {
    return Path.of(System.getProperty("tfcheck.repo", ".")).toAbsolutePath().normalize();
  }

  public static Path path(String relative) {
    return repo().resolve(relative);
  }

  public static Plan plan(String relative) {
    try {
      return new PlanReader(new ByteArrayInputStream(new byte[0])).read(path(relative).toString());
    } catch (PlanException e) {
      throw new AssertionError(relative + ": " + e.getMessage(), e);
    }
  }

  public static Model model(String relative) {
    return ModelBuilder.build(plan(relative));
  }
}
