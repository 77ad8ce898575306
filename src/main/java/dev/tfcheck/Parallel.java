package dev.tfcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs independent tasks on up to as many threads as there are processors (plans of one
 * invocation, chunks of a large plan, rules spread over Wasm instances). Results come in task
 * order, so that output never depends on which thread finished first; a task's exception or error
 * reaches the caller as it was thrown.
 */
public final class Parallel {
  private Parallel() {}

  /** The tasks' results, in task order; one task, or one processor, runs on the calling thread. */
  public static <T> List<T> run(List<? extends Callable<T>> tasks, String threadName) {
    int threads = Math.min(tasks.size(), Runtime.getRuntime().availableProcessors());
    List<T> out = new ArrayList<>();
    if (threads <= 1) {
      for (Callable<T> task : tasks) {
        out.add(call(task));
      }
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, threadName);
      t.setDaemon(true);
      return t;
    });
    try {
      for (Future<T> f : pool.invokeAll(tasks)) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw rethrown(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> T call(Callable<T> task) {
    try {
      return task.call();
    } catch (Exception e) {
      throw rethrown(e);
    }
  }

  /**
   * Throws what a task threw, as it was when it is unchecked (so that callers see the same exception
   * on any thread); a checked one wrapped. Declared to return, for {@code throw rethrown(cause)}.
   */
  public static RuntimeException rethrown(Throwable t) {
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error err) {
      throw err;
    }
    throw new IllegalStateException(t);
  }
}
