package dev.tfcheck;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a run's time goes, for {@code --timings}: each {@link #mark} charges the time since the
 * previous one to a phase. Off unless enabled, and then only a few clock reads per plan. With
 * several threads at work the phases overlap: the figures then say where time went, not how long.
 */
public final class Timings {
  private static boolean enabled;
  private static long last;
  private static final Map<String, Long> PHASES = new LinkedHashMap<>();

  private Timings() {}

  /** Starts timing; the JVM's own start-up, until now, is the first phase. */
  public static synchronized void enable() {
    enabled = true;
    long now = System.nanoTime();
    long jvmMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    PHASES.put("jvm start", jvmMillis * 1_000_000);
    last = now;
  }

  /** Charges the time since the previous mark to {@code phase}. */
  public static synchronized void mark(String phase) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    PHASES.merge(phase, now - last, Long::sum);
    last = now;
  }

  /** {@code jvm start 95 ms, parse 40 ms, ..., total 1234 ms}, or null when not enabled. */
  public static synchronized String summary() {
    if (!enabled) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    long total = 0;
    for (Map.Entry<String, Long> e : PHASES.entrySet()) {
      sb.append(e.getKey()).append(' ').append(e.getValue() / 1_000_000).append(" ms, ");
      total += e.getValue();
    }
    return sb.append("total ").append(total / 1_000_000).append(" ms").toString();
  }
}
