package se.glappet.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The SHA-256 of each input file, which the quality report lists (contract section 4.7).
 *
 * <p>The launcher runs inputs below about two national years on the quick JIT compiler alone
 * ({@code -XX:TieredStopAtLevel=1}, see {@code pipelines/src/main/sh/jit-options}). That compiler
 * has no intrinsic for SHA-256: the JDK's Java code then hashes at about 140 MB/s on the
 * development machine, a quarter of the CPU time of reading a national year. The optimising
 * compiler uses the CPU's SHA instructions, about 1.5 GB/s. So in a JVM without the optimising
 * compiler, once {@link #HELPER_AFTER_BYTES} have been hashed here (a small input never starts
 * it), the bytes of each further file are sent through a pipe to one helper JVM
 * ({@link DigestHelper}, default JIT), which returns their digest; the reading thread parses the
 * file meanwhile. The digest is of exactly the bytes that were parsed. The helper's process
 * reads nothing else and writes nothing but digests; it ends with this JVM.
 *
 * <p>If the helper cannot be started or fails, every digest it owes, and every later one, is
 * computed here instead: the same digest, only slower. The system property {@value #HELPER_PROPERTY}
 * ({@code auto}, the default; {@code on}: from the first byte, whatever the compiler; {@code off})
 * chooses.
 */
public final class FileDigests {
  /** System property: {@code auto} (default), {@code on} or {@code off}; see the class comment. */
  public static final String HELPER_PROPERTY = "glappet.digestHelper";
  /** Bytes hashed in this JVM before {@code auto} starts the helper. */
  static final long HELPER_AFTER_BYTES = 32L << 20;

  private static final Object LOCK = new Object();
  private static long hashedHere;
  private static Helper helper;
  private static boolean helperGivenUp;
  private static Boolean optimisingCompiler;

  private FileDigests() {}

  /** A digest being computed: {@link #hex} waits for it. */
  public static final class Pending {
    private final byte[] bytes;
    private final CompletableFuture<byte[]> fromHelper;

    private Pending(byte[] bytes, CompletableFuture<byte[]> fromHelper) {
      this.bytes = bytes;
      this.fromHelper = fromHelper;
    }

    /** The SHA-256 of the bytes, in lower-case hex; computed here when the helper did not answer. */
    public String hex() {
      byte[] d = null;
      if (fromHelper != null) {
        try {
          d = fromHelper.get();
        } catch (ExecutionException e) {
          d = null; // the helper failed: computed here below
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          d = null;
        }
      }
      return HexFormat.of().formatHex(d != null ? d : sha256(bytes));
    }
  }

  /**
   * Starts the SHA-256 of {@code bytes}, which must not change until {@link Pending#hex} has
   * returned.
   */
  public static Pending start(byte[] bytes) {
    Helper h = helperFor(bytes.length);
    return new Pending(bytes, h == null ? null : h.submit(bytes));
  }

  /** The SHA-256 of {@code bytes}, computed in this JVM. */
  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The helper to send {@code length} bytes to, started if it is time; null: hash here. */
  private static Helper helperFor(int length) {
    String mode = System.getProperty(HELPER_PROPERTY, "auto");
    if (mode.equals("off")) {
      return null;
    }
    synchronized (LOCK) {
      if (helper != null && helper.alive()) {
        return helper;
      }
      if (helperGivenUp) {
        return null;
      }
      if (mode.equals("auto") && hashedHere >= HELPER_AFTER_BYTES && optimisingCompiler == null) {
        optimisingCompiler = hasOptimisingCompiler();
      }
      if (mode.equals("auto") && (hashedHere < HELPER_AFTER_BYTES || optimisingCompiler)) {
        hashedHere += length;
        return null;
      }
      if (helper != null) { // it was started and has failed since: do not start another
        helperGivenUp = true;
        return null;
      }
      try {
        helper = Helper.start();
        return helper;
      } catch (IOException | RuntimeException e) {
        helperGivenUp = true;
        return null;
      }
    }
  }

  /** Whether this JVM's JIT can use the optimising compiler (C2), which has the SHA intrinsics. */
  static boolean hasOptimisingCompiler() {
    List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
    for (String a : args) {
      if (a.startsWith("-XX:TieredStopAtLevel=") && !a.endsWith("=4")) {
        return false;
      }
      if (a.equals("-XX:CompilationMode=quick-only")) {
        return false;
      }
    }
    return true;
  }

  /** The helper JVM and the digests it owes, in the order they were asked for. */
  static final class Helper {
    private final Process process;
    private final DataOutputStream toHelper;
    private final ArrayDeque<CompletableFuture<byte[]>> owed = new ArrayDeque<>();
    private volatile boolean failed;

    private Helper(Process process) {
      this.process = process;
      this.toHelper = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
      Thread reader = new Thread(this::readDigests, "glappet-digest-helper");
      reader.setDaemon(true);
      reader.start();
    }

    static Helper start() throws IOException {
      Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
      String classPath;
      try {
        classPath = Paths.get(DigestHelper.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
      } catch (java.net.URISyntaxException e) {
        throw new IOException("cannot locate the digest helper's class", e);
      }
      Process p = new ProcessBuilder(java.toString(), "-XX:+UseSerialGC", "-Xmx32m", "-Xshare:auto",
          "-cp", classPath, DigestHelper.class.getName())
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      Helper h = new Helper(p);
      Runtime.getRuntime().addShutdownHook(new Thread(p::destroy));
      return h;
    }

    boolean alive() {
      return !failed;
    }

    /** Sends the bytes; the digest arrives in the returned future, or it fails. */
    CompletableFuture<byte[]> submit(byte[] bytes) {
      CompletableFuture<byte[]> f = new CompletableFuture<>();
      synchronized (toHelper) { // requests leave in the order their digests are owed
        synchronized (owed) {
          if (failed) {
            f.completeExceptionally(new IOException("the digest helper has failed"));
            return f;
          }
          owed.addLast(f);
        }
        try {
          toHelper.writeLong(bytes.length);
          toHelper.write(bytes);
          toHelper.flush();
        } catch (IOException e) {
          fail(e);
        }
      }
      return f;
    }

    private void readDigests() {
      try (DataInputStream in = new DataInputStream(new BufferedInputStream(process.getInputStream()))) {
        while (true) {
          byte[] d = new byte[32];
          in.readFully(d);
          CompletableFuture<byte[]> f;
          synchronized (owed) {
            f = owed.pollFirst();
          }
          if (f == null) {
            throw new IOException("the digest helper sent a digest nobody asked for");
          }
          f.complete(d);
        }
      } catch (IOException e) {
        fail(e);
      }
    }

    /** Every digest owed is computed by its caller instead, and so are all later ones. */
    private void fail(IOException e) {
      synchronized (owed) {
        failed = true;
        for (CompletableFuture<byte[]> f : owed) {
          f.completeExceptionally(e);
        }
        owed.clear();
      }
      process.destroy();
    }

    /** For tests: the helper's process. */
    Process process() {
      return process;
    }
  }

  /** For tests: a helper of one's own, not the shared one. */
  static Helper startHelper() throws IOException {
    return Helper.start();
  }

  /** For tests: a digest computed by {@code h}, or here when it fails. */
  static Pending start(Helper h, byte[] bytes) {
    return new Pending(bytes, h.submit(bytes));
  }
}
