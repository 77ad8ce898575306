package dev.tfcheck.policy;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Instances are reused, the one loaded ahead first, and one whose work threw is never lent again. */
class EnginePoolTest {
  @Test
  void theInstanceLoadedAheadIsLentAndKept() {
    EnginePool pool = new EnginePool(BuiltinPolicies.bundle());
    pool.prefetch();
    PolicyEngine first = pool.with(e -> e);
    assertSame(first, pool.with(e -> e), "a returned instance is lent again");
  }

  @Test
  void anInstanceWhoseWorkThrewIsDropped() {
    EnginePool pool = new EnginePool(BuiltinPolicies.bundle());
    AtomicReference<PolicyEngine> failed = new AtomicReference<>();
    assertThrows(IllegalStateException.class, () -> pool.with(e -> {
      failed.set(e);
      throw new IllegalStateException("a trap");
    }));
    assertNotSame(failed.get(), pool.with(e -> e));
  }
}
