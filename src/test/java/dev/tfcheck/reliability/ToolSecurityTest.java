package dev.tfcheck.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tfcheck.Fixtures;
import dev.tfcheck.cli.Main;
import dev.tfcheck.plan.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool itself, watched from outside by the kernel: tfcheck in a JVM of its own under strace
 * (every thread and child process) and in a network namespace of its own (unshare -n, no
 * interface but a loopback that is down). Needs strace and unshare (util-linux), and root or user
 * namespaces for unshare, as on CI.
 */
class ToolSecurityTest {
  private static final String INSECURE = "fixtures/reference/insecure.plan.json";

  @TempDir
  Path dir;

  /**
   * No connection, bind or datagram to any internet address, by tfcheck or the opa it compiles a
   * policy directory with. (The JVM creates, and closes, a socket when java.net.InetAddress is
   * initialised, to probe for IPv6; picocli's converters load that class. A socket never connected
   * or sent on carries nothing.)
   */
  @Test
  void opensNoConnection() throws Exception {
    Path log = dir.resolve("strace.log");
    Result r = run(List.of("strace", "-f", "-qq", "-e", "trace=connect,bind,listen,sendto,sendmsg,sendmmsg", "-o", log.toString()),
        "check", Fixtures.path(INSECURE).toString(), "--policy", Fixtures.path("fixtures/policies/conftest").toString());
    assertEquals(1, r.exit(), r.err());
    List<String> inet = Files.readAllLines(log).stream().filter(l -> l.contains("AF_INET")).toList();
    assertEquals(List.of(), inet, "network system calls");
  }

  /** Without any network at all, the same report, byte for byte. */
  @Test
  void needsNoNetwork() throws Exception {
    List<String> args = List.of("check", Fixtures.path(INSECURE).toString(), "--format", "json");
    Result offline = run(List.of("unshare", "-n"), args.toArray(String[]::new));
    Result online = run(List.of(), args.toArray(String[]::new));
    assertEquals(1, offline.exit(), offline.err());
    assertEquals(online.out(), offline.out());
    assertTrue(offline.out().contains("\"rule_id\": \"TFC-NET-001\""), offline.out());
  }

  /**
   * A plan names programs (a local-exec provisioner, an external data source's program): tfcheck
   * reads them as text and runs nothing. The only program started is the JVM itself.
   */
  @Test
  void executesNothingFromThePlan() throws Exception {
    Path marker = dir.resolve("pwned");
    ObjectNode plan = (ObjectNode) Json.MAPPER.readTree(Fixtures.path(INSECURE).toFile());
    ArrayNode resources = (ArrayNode) plan.path("configuration").path("root_module").path("resources");
    ObjectNode withProvisioner = (ObjectNode) resources.get(0);
    withProvisioner.putArray("provisioners").addObject().put("type", "local-exec").putObject("expressions")
        .putObject("command").put("constant_value", "touch " + marker);
    ObjectNode external = resources.addObject().put("address", "data.external.x").put("mode", "data")
        .put("type", "external").put("name", "x");
    external.putObject("expressions").putObject("program").putArray("constant_value").add("sh").add("-c")
        .add("touch " + marker);
    Path file = Files.writeString(dir.resolve("plan.json"), Json.pretty(plan));
    Path log = dir.resolve("strace.log");
    Result r = run(List.of("strace", "-f", "-qq", "-e", "trace=execve", "-o", log.toString()),
        "check", file.toString(), "--format", "json");
    assertEquals(1, r.exit(), r.err());
    List<String> programs = Files.readAllLines(log).stream().filter(l -> l.contains("execve(")).toList();
    assertEquals(1, programs.size(), "programs started: " + programs);
    assertTrue(programs.get(0).contains("execve(\"" + javaBinary() + "\""), programs.get(0));
    assertTrue(Files.notExists(marker));
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  record Result(int exit, String out, String err) {}

  /** tfcheck's Main in a new JVM, behind {@code wrapper}. */
  private Result run(List<String> wrapper, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(wrapper);
    command.addAll(List.of(javaBinary(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    Path err = dir.resolve("stderr.txt");
    Process p = new ProcessBuilder(command).redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = p.waitFor();
    return new Result(exit, out, Files.readString(err));
  }
}
