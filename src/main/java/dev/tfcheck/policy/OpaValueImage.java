package dev.tfcheck.policy;

import com.dylibso.chicory.runtime.Memory;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A JSON document as OPA's Wasm runtime holds it in memory: the values {@code opa_json_parse} would
 * build from the document's text, laid out here, in Java, for one address of a module's memory, so
 * that the module only has to receive the bytes. OPA's parser is the slowest part of evaluating a
 * large plan: lexing, copying and hashing ~15 MB of input inside Wasm takes about a second per
 * Wasm instance, and a small plan's parse is a third of its evaluation.
 *
 * <p>The layout is the one of OPA 1.12's {@code wasm/src/value.h} on wasm32 (4-byte pointers and
 * sizes), in blocks of its allocator ({@code malloc.c}: a 12-byte header, then 4, 8, 16 or 64 bytes
 * or exactly what was asked for above 64), so the runtime can read, compare and iterate these
 * values as its own. Objects are hash tables of sorted chains, sized as the runtime's inserts
 * would size them, so lookups and iteration order are those of a parsed document.
 * {@code OpaValueImageTest} compares the two on every kind of value and on real inputs: a build with
 * another OPA whose runtime lays values out otherwise fails it.
 *
 * <p>Unlike the parser, the image holds each distinct value once, and every container that has it
 * points to that one: strings (object keys included), null, true, false and array indexes, and
 * arrays and objects whose members are the same values in the same order. A plan's input repeats
 * its keys, types, addresses and indexes hundreds of thousands of times, and many small containers
 * (actions, empty lists, expressions without references) thousands (the 10k plan's image: 103 MB
 * laid out value by value, 42 MB with shared strings, 21 MB with shared containers too). OPA's
 * values are immutable and its runtime shares them itself (object.union, object.filter and shallow
 * copies put the same key and value in several containers, and equal values compare equal whatever
 * their address), and an input is never freed: its values are the runtime's until the next input.
 */
final class OpaValueImage {
  /** The allocator's block header: size, previous and next free block. */
  static final int BLOCK_HEADER = 12;

  private static final int NULL = 1;
  private static final int BOOLEAN = 2;
  private static final int NUMBER = 3;
  private static final int STRING = 4;
  private static final int ARRAY = 5;
  private static final int OBJECT = 6;
  private static final int NUMBER_REPR_INT = 1;
  private static final int NUMBER_REPR_REF = 2;

  /** sizeof the structs: opa_value, opa_boolean_t, opa_number_t, opa_string_t, opa_array_t, opa_object_t, opa_object_elem_t. */
  private static final int NULL_SIZE = 1;
  private static final int BOOLEAN_SIZE = 2;
  private static final int NUMBER_SIZE = 24;
  private static final int STRING_SIZE = 12;
  private static final int ARRAY_SIZE = 16;
  private static final int OBJECT_SIZE = 16;
  private static final int ELEM_SIZE = 12;
  /** opa_array_elem_t: the index (a number value) and the element. */
  private static final int ARRAY_ELEM_SIZE = 8;

  /** value.c: OPA_ARRAY_INITIAL_CAP, OPA_OBJECT_MIN_BUCKETS, OPA_OBJECT_LOAD_FACTOR. */
  private static final int ARRAY_INITIAL_CAP = 10;
  private static final int OBJECT_MIN_BUCKETS = 8;
  private static final double OBJECT_LOAD_FACTOR = 0.7;

  /**
   * The image is written in segments of this size (a block larger than one gets a segment of its own):
   * a growing array would leave copies of itself behind, hundreds of megabytes for a large plan. Just
   * under a megabyte: G1 keeps an array of half its region size or more apart, in regions of its own
   * (1 to 4 MB with the heaps tfcheck runs with), and larger segments would leave those half empty.
   */
  private static final int SEGMENT_SIZE = (1 << 20) - 64;

  private final int base;
  /** Segments in address order: each starts where the previous one's blocks end. */
  private final List<Segment> segments = new ArrayList<>();
  private Segment last = new Segment(0, new byte[0]);
  private int size;
  private int root;

  /** What writing needs and the written image does not; let go once the document is written. */
  private Shared shared = new Shared();

  /** The values laid out so far, to be pointed to again, and scratch for {@link #object(List)}. */
  private static final class Shared {
    /** Strings by their text, array indexes by number. */
    final Map<String, Text> strings = new HashMap<>();
    int[] indexes = new int[16];
    int nullValue;
    int trueValue;
    int falseValue;
    /** Arrays and objects, by their contents. */
    final Map<Contents, Integer> containers = new HashMap<>();
    /** An object's hash chains: each bucket's first key and each key's next, plus one. */
    int[] heads = new int[OBJECT_MIN_BUCKETS];
    int[] nexts = new int[16];
    int[] chain = new int[16];
  }

  /**
   * A string laid out: its UTF-8 bytes and their hash (objects place and order keys by them), and its
   * value's address.
   */
  private record Text(byte[] utf8, int hash, int address) {}

  /**
   * What makes two containers the same value once their members are laid out (and so shared): the
   * kind, then the addresses of the elements, or of each member's key and value in order.
   */
  private static final class Contents {
    final int[] addresses;
    final int hash;

    Contents(int[] addresses) {
      this.addresses = addresses;
      this.hash = Arrays.hashCode(addresses);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Contents c && c.hash == hash && Arrays.equals(c.addresses, addresses);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /** Image bytes from {@code start} (an offset from the base) on; {@code used} of them hold blocks. */
  private static final class Segment {
    final int start;
    final byte[] bytes;
    int used;

    Segment(int start, byte[] bytes) {
      this.start = start;
      this.bytes = bytes;
    }
  }

  private OpaValueImage(int base) {
    this.base = base;
  }

  /**
   * Lays out the document {@code document} writes, as it writes it (a tree it hands over whole is
   * walked), for a module that will copy the image to {@code base}: the address {@code opa_malloc}
   * returns for a block of {@link #size()} bytes.
   */
  static OpaValueImage write(Consumer<InputWriter> document, int base) {
    OpaValueImage image = new OpaValueImage(base);
    Writer writer = image.new Writer();
    document.accept(writer);
    image.root = writer.root();
    image.shared = null;
    return image;
  }

  /** The address the image must be copied to. */
  int base() {
    return base;
  }

  /** The address of the document's value once the image is at {@link #base}. */
  int root() {
    return root;
  }

  int size() {
    return size;
  }

  /** Copies the image into a module's memory, at {@link #base}. */
  void copyTo(Memory memory) {
    for (Segment segment : segments) {
      memory.write(base + segment.start, segment.bytes, 0, segment.used);
    }
  }

  private int value(JsonNode node) {
    switch (node.getNodeType()) {
      case NULL:
        return jsonNull();
      case BOOLEAN:
        return bool(node.booleanValue());
      case NUMBER:
        return number(node.asText());
      case STRING:
        return string(node.textValue());
      case ARRAY:
        return array(node);
      case OBJECT:
        return object(node);
      default:
        throw new IllegalArgumentException("a policy input holds only JSON values, not " + node.getNodeType());
    }
  }

  private int jsonNull() {
    if (shared.nullValue == 0) {
      shared.nullValue = header(alloc(NULL_SIZE), NULL);
    }
    return shared.nullValue;
  }

  private int bool(boolean value) {
    int at = value ? shared.trueValue : shared.falseValue;
    if (at == 0) {
      at = header(alloc(BOOLEAN_SIZE), BOOLEAN);
      putByte(at + 1, value ? 1 : 0);
      if (value) {
        shared.trueValue = at;
      } else {
        shared.falseValue = at;
      }
    }
    return at;
  }

  /** A number as the parser keeps it: its JSON text. */
  private int number(String text) {
    byte[] chars = text.getBytes(StandardCharsets.US_ASCII);
    int s = copy(chars);
    int at = header(alloc(NUMBER_SIZE), NUMBER);
    putByte(at + 1, NUMBER_REPR_REF);
    putInt(at + 8, s);
    putInt(at + 12, chars.length);
    putByte(at + 16, 1); // the text is the number's own (freed with it)
    return at;
  }

  /** An array index, as opa_array_append makes it (one for all the arrays that have it). */
  private int index(int i) {
    int[] indexes = shared.indexes;
    if (i >= indexes.length) {
      indexes = shared.indexes = Arrays.copyOf(indexes, Math.max(i + 1, indexes.length * 2));
    }
    if (indexes[i] == 0) {
      int at = header(alloc(NUMBER_SIZE), NUMBER);
      putByte(at + 1, NUMBER_REPR_INT);
      putLong(at + 8, i);
      indexes[i] = at;
    }
    return indexes[i];
  }

  private int string(String text) {
    return text(text).address;
  }

  /** The string value of {@code text}, laid out the first time it occurs. */
  private Text text(String text) {
    Text t = shared.strings.get(text);
    if (t == null) {
      byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
      int v = copy(utf8);
      int at = header(alloc(STRING_SIZE), STRING);
      putByte(at + 1, 1); // the bytes are the string's own
      putInt(at + 4, utf8.length);
      putInt(at + 8, v);
      t = new Text(utf8, hash(utf8), at);
      shared.strings.put(text, t);
    }
    return t;
  }

  private int array(JsonNode node) {
    int len = node.size();
    int[] indexes = new int[len];
    int[] values = new int[len];
    for (int i = 0; i < len; i++) {
      values[i] = value(node.get(i));
      indexes[i] = index(i);
    }
    return array(values, indexes, len);
  }

  /**
   * The array whose elements (each laid out before its index, as opa_array_append makes them) are
   * at the first {@code len} of {@code values} and {@code indexes}.
   */
  private int array(int[] values, int[] indexes, int len) {
    int[] members = new int[len + 1];
    members[0] = ARRAY;
    System.arraycopy(values, 0, members, 1, len);
    Contents contents = new Contents(members);
    Integer same = shared.containers.get(contents);
    if (same != null) {
      return same;
    }
    int cap = 0;
    if (len > 0) {
      cap = ARRAY_INITIAL_CAP;
      while (cap < len) {
        cap *= 2;
      }
    }
    int elems = 0;
    if (cap > 0) {
      elems = alloc(cap * ARRAY_ELEM_SIZE);
      for (int i = 0; i < len; i++) {
        putInt(elems + i * ARRAY_ELEM_SIZE, indexes[i]);
        putInt(elems + i * ARRAY_ELEM_SIZE + 4, values[i]);
      }
    }
    int at = header(alloc(ARRAY_SIZE), ARRAY);
    putInt(at + 4, elems);
    putInt(at + 8, len);
    putInt(at + 12, cap);
    shared.containers.put(contents, at);
    return at;
  }

  private int object(JsonNode node) {
    List<Key> keys = new ArrayList<>(node.size());
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      Text key = text(field.getKey());
      keys.add(new Key(key, value(field.getValue())));
    }
    return object(keys);
  }

  /** The object of {@code keys} (each key's string laid out before its value, as the parser does). */
  private int object(List<Key> keys) {
    int len = keys.size();
    int[] members = new int[2 * len + 1];
    members[0] = OBJECT;
    for (int i = 0; i < len; i++) {
      members[2 * i + 1] = keys.get(i).text.address;
      members[2 * i + 2] = keys.get(i).value;
    }
    Contents contents = new Contents(members);
    Integer same = shared.containers.get(contents);
    if (same != null) {
      return same;
    }
    int n = buckets(len);
    if (shared.heads.length < n) {
      shared.heads = new int[n];
    }
    if (shared.nexts.length < len) {
      shared.nexts = new int[Math.max(len, 2 * shared.nexts.length)];
      shared.chain = new int[shared.nexts.length];
    }
    int[] heads = shared.heads;
    int[] nexts = shared.nexts;
    int[] chain = shared.chain;
    Arrays.fill(heads, 0, n, 0);
    // Each bucket's chain as opa_object_insert keeps it: sorted by key (opa_value_compare: bytes,
    // then length), a key inserted after the equal ones. Indexes into keys, plus one (0 ends a chain).
    for (int i = 0; i < len; i++) {
      byte[] utf8 = keys.get(i).text.utf8;
      int b = Integer.remainderUnsigned(keys.get(i).text.hash, n);
      int prev = -1;
      int at = heads[b] - 1;
      while (at >= 0 && Arrays.compareUnsigned(keys.get(at).text.utf8, utf8) <= 0) {
        prev = at;
        at = nexts[at] - 1;
      }
      nexts[i] = at + 1;
      if (prev < 0) {
        heads[b] = i + 1;
      } else {
        nexts[prev] = i + 1;
      }
    }
    int buckets = alloc(n * 4);
    for (int b = 0; b < n; b++) {
      int length = 0;
      for (int k = heads[b] - 1; k >= 0; k = nexts[k] - 1) {
        chain[length++] = k;
      }
      int next = 0;
      for (int i = length - 1; i >= 0; i--) { // the last first, each pointing to the next
        Key key = keys.get(chain[i]);
        int elem = alloc(ELEM_SIZE);
        putInt(elem, key.text.address);
        putInt(elem + 4, key.value);
        putInt(elem + 8, next);
        next = elem;
      }
      if (length > 0) {
        putInt(buckets + b * 4, next);
      }
    }
    int at = header(alloc(OBJECT_SIZE), OBJECT);
    putInt(at + 4, buckets);
    putInt(at + 8, n);
    putInt(at + 12, len);
    shared.containers.put(contents, at);
    return at;
  }

  private record Key(Text text, int value) {}

  /** Lays values out as an {@link InputWriter} writes them: containers are completed when they end. */
  private final class Writer implements InputWriter {
    /** An object being written: its members so far, and the key of the value to come. */
    private static final class Members {
      final List<Key> keys = new ArrayList<>();
      Text field;
    }

    /** An array being written: the addresses of its elements and of their indexes so far. */
    private static final class Elements {
      int[] values = new int[8];
      int[] indexes = new int[8];
      int len;
    }

    private final Deque<Object> open = new ArrayDeque<>();
    private int root = -1;

    int root() {
      if (root < 0 || !open.isEmpty()) {
        throw new IllegalStateException("the document is not complete");
      }
      return root;
    }

    /** A value laid out at {@code address} joins the container being written. */
    private void add(int address) {
      Object parent = open.peek();
      if (parent == null) {
        if (root >= 0) {
          throw new IllegalStateException("a document has one root value");
        }
        root = address;
      } else if (parent instanceof Members members) {
        if (members.field == null) {
          throw new IllegalStateException("an object member needs a field name");
        }
        members.keys.add(new Key(members.field, address));
        members.field = null;
      } else {
        Elements elements = (Elements) parent;
        if (elements.len == elements.values.length) {
          elements.values = Arrays.copyOf(elements.values, elements.len * 2);
          elements.indexes = Arrays.copyOf(elements.indexes, elements.len * 2);
        }
        elements.values[elements.len] = address;
        elements.indexes[elements.len] = index(elements.len);
        elements.len++;
      }
    }

    @Override
    public void startObject() {
      open.push(new Members());
    }

    @Override
    public void endObject() {
      if (!(open.peek() instanceof Members members) || members.field != null) {
        throw new IllegalStateException("endObject without an object, or after a field name without a value");
      }
      open.pop();
      add(object(members.keys));
    }

    @Override
    public void startArray() {
      open.push(new Elements());
    }

    @Override
    public void endArray() {
      if (!(open.peek() instanceof Elements elements)) {
        throw new IllegalStateException("endArray without an array");
      }
      open.pop();
      add(array(elements.values, elements.indexes, elements.len));
    }

    @Override
    public void field(String name) {
      if (!(open.peek() instanceof Members members)) {
        throw new IllegalStateException("a field name outside an object: " + name);
      }
      members.field = text(name);
    }

    @Override
    public void value(String value) {
      add(value == null ? jsonNull() : string(value));
    }

    @Override
    public void value(long value) {
      add(number(Long.toString(value)));
    }

    @Override
    public void value(boolean value) {
      add(bool(value));
    }

    @Override
    public void nullValue() {
      add(jsonNull());
    }

    @Override
    public void tree(JsonNode value) {
      add(value == null ? jsonNull() : OpaValueImage.this.value(value));
    }
  }

  /** The bucket count an object reaches by inserts: doubled from 8 whenever one more key would load it past 0.7. */
  private static int buckets(int len) {
    int n = OBJECT_MIN_BUCKETS;
    while (len > n * OBJECT_LOAD_FACTOR) {
      n *= 2;
    }
    return n;
  }

  /** value.c's string hash: FNV-1 over the bytes, 32 bits. */
  static int hash(byte[] utf8) {
    int h = 0x811c9dc5;
    for (byte b : utf8) {
      h *= 0x01000193;
      h ^= b & 0xff;
    }
    return h;
  }

  private int copy(byte[] data) {
    int at = alloc(data.length);
    System.arraycopy(data, 0, last.bytes, at - base - last.start, data.length);
    return at;
  }

  private int header(int at, int type) {
    putByte(at, type);
    return at;
  }

  /**
   * A block as opa_malloc hands it out: the size class in the header (no free-list links: the block
   * is in use), zeroed data. Returns the data's address.
   */
  private int alloc(int requested) {
    int blockSize = requested <= 4 ? 4 : requested <= 8 ? 8 : requested <= 16 ? 16 : requested <= 64 ? 64 : requested;
    int needed = BLOCK_HEADER + blockSize;
    if (needed > Integer.MAX_VALUE - base - size) {
      // Chicory addresses memory with a Java int; worded as OPA's allocator says it (PolicyFailure)
      throw new IllegalStateException("opa_malloc: the input needs more than 2 GiB of memory");
    }
    if (last.used + needed > last.bytes.length) {
      last = new Segment(size, new byte[Math.max(SEGMENT_SIZE, needed)]);
      segments.add(last);
    }
    int header = base + size;
    last.used += needed;
    size += needed;
    putInt(header, blockSize);
    return header + BLOCK_HEADER;
  }

  /** The segment holding an address: the last one, or (an object's buckets) an earlier one. */
  private Segment segment(int offset) {
    if (offset >= last.start) {
      return last;
    }
    int lo = 0;
    int hi = segments.size() - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (segments.get(mid).start <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return segments.get(lo);
  }

  private void putByte(int address, int v) {
    Segment s = segment(address - base);
    s.bytes[address - base - s.start] = (byte) v;
  }

  private void putInt(int address, int v) {
    Segment s = segment(address - base);
    int o = address - base - s.start;
    s.bytes[o] = (byte) v;
    s.bytes[o + 1] = (byte) (v >>> 8);
    s.bytes[o + 2] = (byte) (v >>> 16);
    s.bytes[o + 3] = (byte) (v >>> 24);
  }

  private void putLong(int address, long v) {
    putInt(address, (int) v);
    putInt(address + 4, (int) (v >>> 32));
  }
}
