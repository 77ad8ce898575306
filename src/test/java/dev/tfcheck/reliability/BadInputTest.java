package dev.tfcheck.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfcheck.Fixtures;
import dev.tfcheck.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input suite: each folder of {@code fixtures/bad-input} is a case ({@link BadInputCase})
 * run through the command line. Each must end with exactly the lines it expects, so one line per
 * problem and never a stack trace; after an error no report file, not even a temporary one, is
 * left in the output folder; the other plans of the invocation are still checked.
 */
class BadInputTest {
  static final String CLEAN = "fixtures/reference/wagtail.plan.json";

  @TempDir
  Path work;

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(Fixtures.path("fixtures/bad-input"))) {
      return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void failsClosedInOneLine(String name) throws Exception {
    BadInputCase c = BadInputCase.read(Fixtures.path("fixtures/bad-input").resolve(name));
    Path out = Files.createDirectory(work.resolve("out"));
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("case", c.dir().toString());
    vars.put("input", c.input(work).toString());
    vars.put("clean", Fixtures.path(CLEAN).toString());
    vars.put("out", out.toString());
    vars.put("repo", Fixtures.repo().toString());

    List<String> args = c.args(vars);
    Run run = "unreadable".equals(c.one("generate", "").split(" ")[0]) && Files.isReadable(Path.of(vars.get("input")))
        ? Run.withoutFileOverride(args)
        : Run.inProcess(c.stdin(), args);

    assertEquals(expected(c.lines("stderr"), vars), run.err(), "stderr");
    assertEquals(expected(c.lines("stdout"), vars), run.out(), "stdout");
    assertEquals(c.exit(), run.exit(), "exit code");
    try (Stream<Path> left = Files.list(out)) {
      List<String> files = left.map(p -> p.getFileName().toString()).sorted().toList();
      assertEquals(c.exit() == 2 ? List.of() : List.of("report.json"), files, "report files left behind");
    }
  }

  private static String expected(List<String> lines, Map<String, String> vars) {
    return lines.stream().map(l -> BadInputCase.expand(l, vars) + "\n").collect(Collectors.joining());
  }

  /** One run of tfcheck, captured. */
  record Run(int exit, String out, String err) {
    static Run inProcess(byte[] stdin, List<String> args) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int exit = Main.run(new ByteArrayInputStream(stdin), new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8), args.toArray(String[]::new));
      return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * In a JVM of its own without the capabilities that let root read any file: running as root
     * (as CI does), an unreadable file is otherwise read all the same.
     */
    static Run withoutFileOverride(List<String> args) throws IOException, InterruptedException {
      List<String> command = new ArrayList<>(List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search", "--",
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), Main.class.getName()));
      command.addAll(args);
      Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .start();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      Thread drain = new Thread(() -> {
        try {
          p.getErrorStream().transferTo(err);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      drain.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = p.waitFor();
      drain.join();
      assertTrue(exit != 127, "setpriv (util-linux) is needed to drop root's file capabilities: " + err);
      return new Run(exit, out, err.toString(StandardCharsets.UTF_8));
    }
  }
}
