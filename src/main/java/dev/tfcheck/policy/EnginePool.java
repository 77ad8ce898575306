package dev.tfcheck.policy;

import dev.tfcheck.Parallel;
import dev.tfcheck.Timings;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Wasm instances of one bundle for any number of threads: an instance is not thread-safe, so a
 * thread borrows one (loading a new one when none is free) and gives it back. Instances are kept
 * for the run: loading one costs far more than keeping it. The first can be loaded ahead, on a
 * thread of its own, while the plan is read ({@link #prefetch}).
 */
final class EnginePool {
  private final PolicyBundle bundle;
  private final ConcurrentLinkedQueue<PolicyEngine> idle = new ConcurrentLinkedQueue<>();
  private final AtomicReference<CompletableFuture<PolicyEngine>> loading = new AtomicReference<>();

  EnginePool(PolicyBundle bundle) {
    this.bundle = bundle;
  }

  /** Starts loading an instance in the background; the next borrower takes it (or its failure). */
  void prefetch() {
    CompletableFuture<PolicyEngine> load = new CompletableFuture<>();
    if (loading.compareAndSet(null, load)) {
      Thread t = new Thread(() -> {
        try {
          load.complete(PolicyEngine.load(bundle));
        } catch (Throwable e) {
          load.completeExceptionally(e);
        }
      }, "tfcheck-wasm-load");
      t.setDaemon(true);
      t.start();
    }
  }

  /**
   * Runs {@code work} with an engine no other thread uses meanwhile. An engine whose work threw is
   * not given back: a Wasm trap can leave its stack pointer and heap anywhere.
   */
  <T> T with(Function<PolicyEngine, T> work) {
    PolicyEngine engine = idle.poll();
    if (engine == null) {
      engine = loaded();
      Timings.mark("wasm load");
    }
    T result = work.apply(engine);
    idle.add(engine);
    return result;
  }

  /** The instance loading ahead, if one is and no other thread took it; else a new one. */
  private PolicyEngine loaded() {
    CompletableFuture<PolicyEngine> ahead = loading.getAndSet(null);
    if (ahead == null) {
      return PolicyEngine.load(bundle);
    }
    try {
      return ahead.join();
    } catch (CompletionException e) {
      throw Parallel.rethrown(e.getCause());
    }
  }
}
