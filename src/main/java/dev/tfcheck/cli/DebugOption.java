package dev.tfcheck.cli;

import picocli.CommandLine.Option;

/** {@code --debug}: stack traces on errors. Mixed into every command. */
final class DebugOption {
  @Option(names = "--debug", description = "Print stack traces on errors.")
  boolean debug;
}
