package dev.tfcheck.cli;

import dev.tfcheck.Version;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "version", description = "Print tfcheck's version.")
final class VersionCommand implements Callable<Integer> {
  private final Io io;

  VersionCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    io.out().println("tfcheck " + Version.get());
    return ExitCode.CLEAN;
  }
}
