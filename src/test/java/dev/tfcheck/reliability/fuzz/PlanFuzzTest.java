package dev.tfcheck.reliability.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Replays, in every {@code mvn test}, each input under {@code PlanFuzzTestInputs/<method>/} in the
 * test resources: the crashes fuzzing found (kept as regression cases) and a few seeds. Fuzzing
 * itself runs from scripts/fuzz.sh.
 */
class PlanFuzzTest {
  @FuzzTest
  void readAndModel(byte[] data) {
    PlanFuzz.readAndModel(data);
  }

  @FuzzTest
  void checkCommand(byte[] data) {
    PlanFuzz.checkCommand(data);
  }
}
