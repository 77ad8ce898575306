package dev.tfcheck.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tfcheck.finding.CheckResult;
import dev.tfcheck.model.Model;
import dev.tfcheck.model.ModelBuilder;
import dev.tfcheck.plan.Json;
import dev.tfcheck.plan.Plan;
import dev.tfcheck.plan.PlanReader;
import dev.tfcheck.policy.BuiltinPolicies;
import dev.tfcheck.policy.Checker;
import dev.tfcheck.policy.PolicyBundle;
import dev.tfcheck.policy.PolicyEngine;
import dev.tfcheck.policy.PolicyInput;
import dev.tfcheck.policy.UnknownMode;
import dev.tfcheck.report.JsonReport;
import java.io.ByteArrayInputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One benchmark per pipeline phase, on real plans. Run from the repository root:
 * {@code mvn -q -Pbench -DskipTests package && java -jar target/benchmarks.jar}
 * (add {@code -p plan=fixtures/shared-reference/plan-10k.json.gz} to pick a plan).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PhaseBenchmarks {
  @Param({"fixtures/reference/wagtail.plan.json", "fixtures/shared-reference/plan-1k.json.gz",
      "fixtures/shared-reference/plan-10k.json.gz"})
  public String plan;

  private Plan parsed;
  private Model model;
  private String input;
  private PolicyBundle bundle;
  private Checker checker;
  private CheckResult result;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    parsed = parse();
    model = ModelBuilder.build(parsed);
    input = Json.compact(PolicyInput.of(model));
    bundle = BuiltinPolicies.bundle();
    checker = Checker.builtIn(UnknownMode.WARN);
    result = checker.check(model);
  }

  /** Read and parse the plan file (gunzip included). */
  @Benchmark
  public Plan parse() throws Exception {
    return new PlanReader(new ByteArrayInputStream(new byte[0])).read(plan);
  }

  /** Resolve references, parse IAM documents and containers. */
  @Benchmark
  public Model resolve() {
    return ModelBuilder.build(parsed);
  }

  /** Build and serialise the policy input document. */
  @Benchmark
  public String policyInput() {
    return Json.compact(PolicyInput.of(model));
  }

  /** Instantiate the built-in Wasm module (compiled to JVM bytecode at build time) and load its data. */
  @Benchmark
  @Warmup(iterations = 1, time = 1)
  @Measurement(iterations = 3, time = 1)
  public PolicyEngine loadWasm() {
    return PolicyEngine.load(bundle);
  }

  /** Build the policy input and evaluate every rule, as a check does (Wasm instances already loaded). */
  @Benchmark
  public CheckResult evaluate() {
    return checker.check(model);
  }

  /** Render the JSON report. */
  @Benchmark
  public String report() {
    ObjectNode doc = JsonReport.of(result);
    return Json.pretty(doc);
  }
}
