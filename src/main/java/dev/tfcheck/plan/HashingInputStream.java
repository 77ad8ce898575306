package dev.tfcheck.plan;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Computes the SHA-256 of every byte read through it on a thread of its own, while the reader
 * parses: on a JVM that stops at the C1 compiler (tfcheck's launcher), SHA-256 runs without its
 * CPU intrinsic, ~12 ms per MB, which would otherwise add to the parse (165 ms on a 14 MB plan).
 * Each block read is copied and hashed in order; {@link #sha256} waits for the last one. At most
 * {@link #PENDING} blocks wait at a time, so a reader faster than the hash (Jackson skipping a
 * gigabyte of whitespace) waits rather than queueing the file in memory.
 */
final class HashingInputStream extends FilterInputStream {
  private static final int PENDING = 64;

  private final MessageDigest digest;
  private final Semaphore pending = new Semaphore(PENDING);
  private final ExecutorService hasher = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "tfcheck-sha256");
    t.setDaemon(true);
    return t;
  });
  private Future<?> last;

  HashingInputStream(InputStream in) {
    super(in);
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n > 0) {
      byte[] block = Arrays.copyOfRange(b, off, off + n);
      try {
        pending.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while hashing the plan");
      }
      last = hasher.submit(() -> {
        digest.update(block);
        pending.release();
      });
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // Skipped bytes are bytes of the file too: read them, so that they are hashed.
    byte[] buffer = new byte[8192];
    long skipped = 0;
    while (skipped < n) {
      int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /** The hex SHA-256 of everything read so far; the stream is not to be read after it. */
  String sha256() throws IOException {
    try {
      if (last != null) {
        last.get();
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while hashing the plan", e);
    } catch (ExecutionException e) {
      throw new IOException("cannot hash the plan: " + e.getCause(), e.getCause());
    } finally {
      stop();
    }
  }

  /** Stops the hashing thread (the stream itself stays open: its owner closes it). */
  void stop() {
    hasher.shutdownNow();
  }
}
