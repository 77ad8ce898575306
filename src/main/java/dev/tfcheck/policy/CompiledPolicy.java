package dev.tfcheck.policy;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.styra.opa.wasm.OpaWasm_Env;
import com.styra.opa.wasm.OpaWasm_ModuleExports;
import com.styra.opa.wasm.OpaWasm_ModuleImports;
import dev.tfcheck.plan.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * An OPA policy module whose code was compiled to JVM bytecode at build time (Chicory's compiler
 * plugin), driven through OPA's Wasm ABI with opa-java-wasm's bindings of that ABI. opa-java-wasm's
 * own {@code OpaPolicy} compiles the module at every start (over a second on a cold JVM) and has no
 * way to take a precompiled one; this is the part of it the built-in bundle needs: load data once,
 * put an input in memory once ({@link OpaValueImage}) and evaluate entrypoints on it (the ABI's
 * evaluation context). The built-in policies use no host-provided builtin (policies/capabilities.json,
 * and checked at load). Not thread-safe: one instance per thread.
 */
final class CompiledPolicy implements OpaWasm_ModuleImports, OpaWasm_Env {
  /** The ABI versions this engine is tested with: 1.2 and later 1.x (OPA 1.12.1 writes 1.3). */
  private static final int ABI_MAJOR = 1;
  private static final int ABI_MIN_MINOR = 2;
  private static final int INITIAL_PAGES = 32;

  private final Memory memory;
  private final OpaWasm_ModuleExports exports;
  private final int baseHeapPtr;
  private int dataAddr;
  private int dataHeapPtr;
  /** The input {@link #input} put in memory, 0 when none; it lives below {@link #inputHeapPtr}. */
  private int inputAddr;
  private int inputHeapPtr;

  CompiledPolicy(WasmModule module, Function<Instance, Machine> machine) {
    this.memory = new ByteArrayMemory(new MemoryLimits(INITIAL_PAGES, MemoryLimits.MAX_PAGES));
    Instance instance = Instance.builder(module)
        .withImportValues(toImportValues())
        .withMemoryFactory(limits -> memory)
        .withMachineFactory(machine)
        .build();
    this.exports = new OpaWasm_ModuleExports(instance);
    long major = exports.opaWasmAbiVersion().getValue();
    long minor = exports.opaWasmAbiMinorVersion().getValue();
    if (major != ABI_MAJOR || minor < ABI_MIN_MINOR) {
      throw new IllegalArgumentException("OPA Wasm ABI " + major + "." + minor + " is not supported (1.2 or later 1.x)");
    }
    Map<String, Integer> builtins = readMap(exports.builtins());
    if (!builtins.isEmpty()) {
      throw new IllegalArgumentException("the policy needs host builtins " + builtins.keySet()
          + ", which the precompiled engine does not provide");
    }
    this.baseHeapPtr = exports.opaHeapPtrGet();
    data("{}");
  }

  /** Entrypoint names to their ids. */
  Map<String, Integer> entrypoints() {
    return readMap(exports.entrypoints());
  }

  /** Loads the data document every evaluation sees. */
  void data(String json) {
    exports.opaHeapPtrSet(baseHeapPtr);
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    int text = exports.opaMalloc(bytes.length);
    memory.write(text, bytes);
    dataAddr = exports.opaJsonParse(text, bytes.length);
    if (dataAddr == 0) {
      throw new IllegalArgumentException("the policy's data is not valid JSON");
    }
    exports.opaFree(text);
    dataHeapPtr = exports.opaHeapPtrGet();
    inputAddr = 0;
  }

  /**
   * Puts an input in memory for the {@link #evaluate} calls that follow, until the next input or
   * data: the document's values, laid out in Java where OPA would parse its text, copied into one
   * block allocated above the data.
   */
  void input(EngineInput input) {
    exports.opaHeapPtrSet(dataHeapPtr);
    inputAddr = 0;
    OpaValueImage image = input.image(dataHeapPtr + OpaValueImage.BLOCK_HEADER);
    int at = exports.opaMalloc(image.size());
    if (at != image.base()) {
      throw new IllegalStateException("the policy's allocator put the input at " + at + ", not " + image.base());
    }
    image.copyTo(memory);
    inputAddr = image.root();
    inputHeapPtr = exports.opaHeapPtrGet();
  }

  /**
   * Parses a JSON text with OPA's own parser as the input, where {@link #input} lays the values out
   * in Java: tests compare the two.
   */
  void parseInput(byte[] json) {
    exports.opaHeapPtrSet(dataHeapPtr);
    inputAddr = 0;
    int text = exports.opaMalloc(json.length);
    memory.write(text, json);
    inputAddr = exports.opaJsonParse(text, json.length);
    if (inputAddr == 0) {
      throw new IllegalArgumentException("the policy input is not valid JSON");
    }
    inputHeapPtr = exports.opaHeapPtrGet();
  }

  /** The input in memory, as OPA writes it back to JSON (objects in the order OPA iterates them). */
  String inputJson() {
    int text = exports.opaJsonDump(inputAddr);
    String json = memory.readCString(text);
    exports.opaHeapPtrSet(inputHeapPtr);
    return json;
  }

  /** Evaluates an entrypoint on the input last put in memory; OPA's result set as JSON text. */
  String evaluate(int entrypoint) {
    if (inputAddr == 0) {
      throw new IllegalStateException("no input was given");
    }
    int ctx = exports.opaEvalCtxNew();
    exports.opaEvalCtxSetInput(ctx, inputAddr);
    exports.opaEvalCtxSetData(ctx, dataAddr);
    exports.opaEvalCtxSetEntrypoint(ctx, entrypoint);
    int status = exports.eval(ctx);
    if (status != 0) {
      throw new IllegalStateException("the policy's evaluation failed with status " + status);
    }
    int text = exports.opaJsonDump(exports.opaEvalCtxGetResult(ctx));
    String json = memory.readCString(text);
    exports.opaHeapPtrSet(inputHeapPtr); // everything the evaluation allocated is garbage now
    return json;
  }

  private Map<String, Integer> readMap(int valueAddr) {
    int text = exports.opaJsonDump(valueAddr);
    String json = memory.readCString(text);
    exports.opaFree(text);
    try {
      return new TreeMap<>(Json.MAPPER.readValue(json, new TypeReference<Map<String, Integer>>() {}));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the policy module returned invalid JSON", e);
    }
  }

  @Override
  public OpaWasm_Env env() {
    return this;
  }

  @Override
  public Memory memory() {
    return memory;
  }

  @Override
  public void opaAbort(int messageAddr) {
    throw new IllegalStateException("the policy aborted: " + memory.readCString(messageAddr));
  }

  @Override
  public int opaBuiltin0(int id, int ctx) {
    throw noBuiltins(id);
  }

  @Override
  public int opaBuiltin1(int id, int ctx, int a) {
    throw noBuiltins(id);
  }

  @Override
  public int opaBuiltin2(int id, int ctx, int a, int b) {
    throw noBuiltins(id);
  }

  @Override
  public int opaBuiltin3(int id, int ctx, int a, int b, int c) {
    throw noBuiltins(id);
  }

  @Override
  public int opaBuiltin4(int id, int ctx, int a, int b, int c, int d) {
    throw noBuiltins(id);
  }

  private static IllegalStateException noBuiltins(int id) {
    return new IllegalStateException("the policy called host builtin " + id + ", which this engine does not provide");
  }
}
