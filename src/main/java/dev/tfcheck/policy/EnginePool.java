package dev.tfcheck.policy;

import dev.tfcheck.Timings;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * Wasm instances of one bundle for any number of threads: an instance is not thread-safe, so a
 * thread borrows one (loading a new one when none is free) and gives it back. Instances are kept
 * for the run: loading one costs far more than keeping it.
 */
final class EnginePool {
  private final PolicyBundle bundle;
  private final ConcurrentLinkedQueue<PolicyEngine> idle = new ConcurrentLinkedQueue<>();

  EnginePool(PolicyBundle bundle) {
    this.bundle = bundle;
  }

  /** Runs {@code work} with an engine no other thread uses meanwhile. */
  <T> T with(Function<PolicyEngine, T> work) {
    PolicyEngine engine = idle.poll();
    if (engine == null) {
      engine = PolicyEngine.load(bundle);
      Timings.mark("wasm load");
    }
    try {
      return work.apply(engine);
    } finally {
      idle.add(engine);
    }
  }
}
