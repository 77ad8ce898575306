package dev.tfcheck.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hash computed on the side is the SHA-256 of exactly the bytes read, however they were read. */
class HashingInputStreamTest {
  private static final byte[] BYTES = new byte[3_000_017];

  static {
    new Random(7).nextBytes(BYTES);
  }

  private static String expected(int length) throws Exception {
    MessageDigest d = MessageDigest.getInstance("SHA-256");
    d.update(BYTES, 0, length);
    return HexFormat.of().formatHex(d.digest());
  }

  @Test
  void blocksBytesAndSkipsAllCount() throws Exception {
    HashingInputStream in = new HashingInputStream(new ByteArrayInputStream(BYTES));
    byte[] block = new byte[70_000];
    int read = 0;
    read += in.read(block, 5, 65_536);
    for (int i = 0; i < 1000; i++) {
      in.read();
      read++;
    }
    read += (int) in.skip(1_000_000);
    read += in.readAllBytes().length;
    assertEquals(BYTES.length, read);
    assertEquals(expected(BYTES.length), in.sha256());
  }

  @Test
  void aStreamReadInPartHashesThatPart() throws Exception {
    HashingInputStream in = new HashingInputStream(new ByteArrayInputStream(BYTES));
    byte[] part = in.readNBytes(123_457);
    assertEquals(123_457, part.length);
    assertEquals(expected(123_457), in.sha256());
  }

  /** Many more blocks than may wait at once: the reader waits for the hash, and nothing is lost. */
  @Test
  void aFastReaderWaitsForTheHash() throws Exception {
    InputStream source = new ByteArrayInputStream(BYTES);
    HashingInputStream in = new HashingInputStream(source);
    byte[] small = new byte[512];
    long total = 0;
    for (int n = in.read(small, 0, small.length); n > 0; n = in.read(small, 0, small.length)) {
      total += n;
    }
    assertEquals(BYTES.length, total);
    assertEquals(expected(BYTES.length), in.sha256());
  }

  @Test
  void nothingReadIsTheHashOfNothing() throws Exception {
    HashingInputStream in = new HashingInputStream(new ByteArrayInputStream(new byte[0]));
    assertEquals(-1, in.read());
    assertEquals(expected(0), in.sha256());
  }
}
