package dev.tfcheck.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code tfcheck [check] PLAN...}, {@code inspect}, {@code rules},
 * {@code explain}, {@code version}. {@link #run} never exits, so tests call it directly.
 */
@Command(
    name = "tfcheck",
    description = "Checks Terraform plans against policies.",
    synopsisSubcommandLabel = "[COMMAND]",
    footer = {"", "With no command, tfcheck runs check: tfcheck plan.json"})
public final class Main implements Runnable {
  private static final Set<String> COMMANDS = Set.of("check", "inspect", "rules", "explain", "version", "help");


  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    int code = run(new Io(System.in, out, err), args);
    out.flush();
    System.exit(code);
  }

  /** Runs tfcheck and returns its exit code. */
  public static int run(InputStream in, PrintStream out, PrintStream err, String... args) {
    return run(new Io(in, out, err), args);
  }

  static int run(Io io, String... args) {
    boolean debug = Arrays.asList(args).contains("--debug");
    CommandLine cli = new CommandLine(new Main())
        .addSubcommand(new CheckCommand(io))
        .addSubcommand(new InspectCommand(io))
        .addSubcommand(new RulesCommand(io))
        .addSubcommand(new ExplainCommand(io))
        .addSubcommand(new VersionCommand(io))
        .addSubcommand(new CommandLine.HelpCommand());
    cli.setOut(new PrintWriter(io.out(), true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(io.err(), true, StandardCharsets.UTF_8));
    cli.setParameterExceptionHandler((e, a) -> {
      io.err().println("tfcheck: " + e.getMessage());
      io.err().println("Try 'tfcheck " + commandName(e.getCommandLine()) + "--help' for usage.");
      return ExitCode.ERROR;
    });
    cli.setExecutionExceptionHandler((e, c, r) -> {
      io.err().println("tfcheck: internal error: " + e + (debug ? "" : " (run with --debug for details)"));
      if (debug) {
        e.printStackTrace(io.err());
      }
      return ExitCode.ERROR;
    });
    try {
      return cli.execute(withDefaultCommand(args));
    } catch (StackOverflowError | OutOfMemoryError e) {
      // picocli hands only exceptions to the handler above; an Error would reach the user as a stack trace.
      io.err().println("tfcheck: internal error: " + e + (debug ? "" : " (run with --debug for details)"));
      if (debug) {
        e.printStackTrace(io.err());
      }
      return ExitCode.ERROR;
    }
  }

  private static String commandName(CommandLine c) {
    return c.getParent() == null ? "" : c.getCommandName() + " ";
  }

  /** {@code check} is the default command: {@code tfcheck plan.json} means {@code tfcheck check plan.json}. */
  static String[] withDefaultCommand(String[] args) {
    if (args.length == 0) {
      return new String[] {"help"};
    }
    String first = args[0];
    if (COMMANDS.contains(first) || first.equals("-h") || first.equals("--help")
        || first.equals("-V") || first.equals("--version")) {
      return args;
    }
    List<String> out = new ArrayList<>(args.length + 1);
    out.add("check");
    out.addAll(Arrays.asList(args));
    return out.toArray(new String[0]);
  }

  @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
  boolean help;

  @CommandLine.Option(names = {"-V", "--version"}, versionHelp = true, description = "Print the version.")
  boolean version;

  @Override
  public void run() {
    // Only reached with no subcommand and no option, which withDefaultCommand turns into help.
  }
}
