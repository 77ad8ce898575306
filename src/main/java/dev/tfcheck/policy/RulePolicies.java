package dev.tfcheck.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tfcheck.Parallel;
import dev.tfcheck.Timings;
import dev.tfcheck.finding.Result;
import dev.tfcheck.model.Model;
import dev.tfcheck.plan.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
/**
 * Rules that follow tfcheck's protocol (docs/writing-rules.md), in a bundle: builds each model's
 * input document, evaluates every rule package, and turns the verdicts into results. Thread-safe:
 * each evaluation borrows a Wasm instance of its own.
 */
public final class RulePolicies implements PolicySet {
  /**
   * Plans larger than this are judged in chunks of about this many resources, to keep the memory of
   * a huge plan's run bounded: a Wasm instance holds the input's values in ~3 bytes per byte of its
   * JSON (repeated values laid out once) and needs as much again to evaluate every rule at once (at
   * most 107 MB for the 100k plan's chunks), and two chunks are evaluated at a time. Chunks of
   * 4,000, 6,000 or 25,000 resources made the 100k plan no faster.
   */
  static final int CHUNK_RESOURCES = 12_000;

  /**
   * Plans with fewer resources are evaluated on one thread: a second thread needs a Wasm instance of
   * its own, with the input copied in, which pays only when the rules have enough to do.
   */
  static final int PARALLEL_RESOURCES = 500;

  private final int chunkResources;
  private static final String PLAN = "(plan)";

  private final PolicyBundle bundle;
  private final RuleCatalog catalog;
  private final List<Rule> rules;
  private final ObjectNode parameters;
  private final UnknownMode unknownMode;
  private final EnginePool engines;

  /**
   * @param rules the rules to report (a subset of the catalog)
   * @param parameters the complete parameters, as {@link #parameters} builds them
   */
  public RulePolicies(PolicyBundle bundle, RuleCatalog catalog, List<Rule> rules, ObjectNode parameters,
      UnknownMode unknownMode) {
    this(bundle, catalog, rules, parameters, unknownMode, CHUNK_RESOURCES);
  }

  /** With another chunk size: tests compare chunked and whole evaluations on moderate plans. */
  RulePolicies(PolicyBundle bundle, RuleCatalog catalog, List<Rule> rules, ObjectNode parameters,
      UnknownMode unknownMode, int chunkResources) {
    this.chunkResources = chunkResources;
    this.bundle = bundle;
    this.engines = new EnginePool(bundle);
    this.catalog = catalog;
    this.rules = List.copyOf(rules);
    this.parameters = parameters.deepCopy();
    this.unknownMode = unknownMode;
  }

  /**
   * Every parameter the catalog's rules declare, at its METADATA default, overlaid with
   * {@code overrides}.
   *
   * @throws IllegalArgumentException naming an override that no rule declares
   */
  public static ObjectNode parameters(RuleCatalog catalog, ObjectNode overrides) {
    ObjectNode out = Json.nodes().objectNode();
    for (Rule r : catalog.rules()) {
      r.parameters().forEach(out::set);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = overrides.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!out.has(e.getKey())) {
        throw new IllegalArgumentException("unknown parameter '" + e.getKey()
            + "' (tfcheck rules --format json lists each rule's parameters)");
      }
      out.set(e.getKey(), e.getValue());
    }
    return out;
  }

  @Override
  public List<Result> results(Model model) {
    return Evaluation.results(rules, verdicts(model), unknownMode);
  }

  @Override
  public PolicyBundle bundle() {
    return bundle;
  }

  @Override
  public void prefetch() {
    engines.prefetch();
  }

  @Override
  public int ruleCount() {
    return rules.size();
  }

  /**
   * The raw verdicts of the rules, checked against the catalog: of every rule package in the bundle
   * when they are evaluated all at once, of the rules asked for when rule by rule.
   */
  public SortedMap<String, PolicyEngine.Verdict> verdicts(Model model) {
    SortedMap<String, PolicyEngine.Verdict> verdicts;
    if (model.resources().size() <= chunkResources) {
      // written when an engine first needs it: laid out for the built-in module as it is written
      EngineInput input = new EngineInput(w -> PolicyInput.write(model, null, w));
      int threads = model.resources().size() < PARALLEL_RESOURCES ? 1 : Runtime.getRuntime().availableProcessors();
      verdicts = evaluate(model, input, threads);
      Timings.mark("evaluate");
    } else {
      Map<String, SortedSet<String>> applies = new TreeMap<>();
      Map<String, Set<PolicyEngine.Finding>> deny = new TreeMap<>();
      for (SortedMap<String, PolicyEngine.Verdict> v : chunkVerdicts(model)) {
        keepJudged(v, applies, deny);
      }
      Timings.mark("evaluate chunks");
      verdicts = new TreeMap<>();
      for (Map.Entry<String, SortedSet<String>> e : applies.entrySet()) {
        verdicts.put(e.getKey(), new PolicyEngine.Verdict(e.getValue(), new ArrayList<>(deny.get(e.getKey()))));
      }
    }
    for (String key : verdicts.keySet()) {
      if (catalog.byKey(key).isEmpty()) {
        throw new IllegalStateException("policy package data.tfcheck.rules." + key + " has no METADATA custom.id");
      }
    }
    for (Rule rule : rules) {
      if (!verdicts.containsKey(rule.key())) {
        throw new IllegalStateException("rule " + rule.id() + " was not evaluated");
      }
    }
    return verdicts;
  }

  /**
   * The verdicts of the rules on one input. One evaluation of every rule is the least work on one
   * thread (helpers the rules share are computed once). An engine that can evaluate rule by rule
   * (the built-in bundle) does so to skip the rules not asked for ({@code --only}) or to use
   * {@code threads} threads: each thread copies the input into a Wasm instance of its own and takes
   * the next rule, those that judge the most resources first, so that the threads finish together.
   */
  private SortedMap<String, PolicyEngine.Verdict> evaluate(Model model, EngineInput input, int threads) {
    SortedSet<String> ruleKeys = engines.with(PolicyEngine::ruleKeys);
    List<String> keys = new ArrayList<>();
    rules.forEach(r -> keys.add(r.key()));
    boolean everyRule = keys.containsAll(ruleKeys);
    if (!ruleKeys.containsAll(keys) || (threads <= 1 && everyRule)) {
      return engines.with(engine -> engine.verdicts(input, parameters));
    }
    Map<String, Integer> work = judgedResources(model);
    keys.sort(Comparator.comparingInt((String key) -> -work.get(key)).thenComparing(Comparator.naturalOrder()));
    Queue<String> todo = new ConcurrentLinkedQueue<>(keys);
    SortedMap<String, PolicyEngine.Verdict> verdicts = new ConcurrentSkipListMap<>();
    Callable<Void> worker = () -> engines.with(engine -> {
      engine.input(input, parameters);
      for (String key = todo.poll(); key != null; key = todo.poll()) {
        verdicts.put(key, engine.verdict(key));
      }
      return null;
    });
    Parallel.run(Collections.nCopies(Math.max(1, Math.min(threads, keys.size())), worker), "tfcheck-evaluate");
    return new TreeMap<>(verdicts);
  }

  /** By rule key, how many of the model's resources have a type the rule declares: its share of the work. */
  private Map<String, Integer> judgedResources(Model model) {
    Map<String, Integer> byType = new TreeMap<>();
    model.resources().values().forEach(r -> byType.merge(r.type(), 1, Integer::sum));
    Map<String, Integer> out = new TreeMap<>();
    for (Rule rule : rules) {
      int n = 0;
      for (String type : rule.resourceTypes()) {
        n += type.equals("*") ? model.resources().size() : byType.getOrDefault(type, 0);
      }
      out.put(rule.key(), n);
    }
    return out;
  }

  /**
   * Every chunk's verdicts, restricted to what it judges, in chunk order: evaluated on as many
   * threads as there are processors, each with its own Wasm instance (an instance is not thread-safe).
   */
  private List<SortedMap<String, PolicyEngine.Verdict>> chunkVerdicts(Model model) {
    List<Callable<SortedMap<String, PolicyEngine.Verdict>>> tasks = new ArrayList<>();
    for (InputChunks.Chunk chunk : InputChunks.of(model, chunkResources)) {
      tasks.add(() -> {
        EngineInput input = new EngineInput(w -> PolicyInput.write(model, chunk.members(), w));
        return judgedOnly(evaluate(model, input, 1), chunk.judged());
      });
    }
    return Parallel.run(tasks, "tfcheck-evaluate");
  }

  /** A chunk's verdicts on the resources it judges (and on the plan as a whole). */
  private static SortedMap<String, PolicyEngine.Verdict> judgedOnly(SortedMap<String, PolicyEngine.Verdict> chunk,
      Set<String> judged) {
    SortedMap<String, PolicyEngine.Verdict> out = new TreeMap<>();
    chunk.forEach((key, v) -> {
      SortedSet<String> applies = new TreeSet<>();
      List<PolicyEngine.Finding> deny = new ArrayList<>();
      for (String address : v.applies()) {
        if (judged.contains(address) || PLAN.equals(address)) {
          applies.add(address);
        }
      }
      for (PolicyEngine.Finding f : v.deny()) {
        if (judged.contains(f.address()) || PLAN.equals(f.address())) {
          deny.add(f);
        }
      }
      out.put(key, new PolicyEngine.Verdict(applies, deny));
    });
    return out;
  }

  private static void keepJudged(SortedMap<String, PolicyEngine.Verdict> chunk, Map<String, SortedSet<String>> applies,
      Map<String, Set<PolicyEngine.Finding>> deny) {
    chunk.forEach((key, v) -> {
      applies.computeIfAbsent(key, k -> new TreeSet<>()).addAll(v.applies());
      deny.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(v.deny());
    });
  }

  public ObjectNode parameters() {
    return parameters.deepCopy();
  }
}
