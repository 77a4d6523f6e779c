package se.glappet.publish;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;
import se.glappet.ingest.FileDigests;

/**
 * The output folder's rules (contract section 4): one lock per folder, staging in hidden entries
 * directly in it, and every published file replaced whole by an atomic rename.
 */
public final class OutputFolder implements AutoCloseable {
  static final String LOCK = ".glappet.lock";
  static final String STAGING_PREFIX = ".staging-";

  private final Path root;
  private final Path lock;
  private final Path staging;
  private final List<String> notes;

  private OutputFolder(Path root, Path lock, Path staging, List<String> notes) {
    this.root = root;
    this.lock = lock;
    this.staging = staging;
    this.notes = notes;
  }

  /** The lock is held by another live batch. */
  public static final class LockedException extends IOException {
    private static final long serialVersionUID = 1L;

    LockedException(String message) {
      super(message);
    }
  }

  /**
   * Takes the folder's lock (refusing when another live batch holds it; taking over a stale lock
   * of a killed run), completes a publication that a killed run left half done (its journal, see
   * {@link PublicationJournal}), removes staging left by killed runs, and creates this run's
   * staging folder. What it found is in {@link #notes()}. Throws
   * {@link PublicationJournal.InconsistentException} (releasing the lock) when an interrupted
   * publication cannot be completed.
   */
  public static OutputFolder open(Path root, String runId) throws IOException {
    return open(root, runId, true);
  }

  /**
   * As {@link #open(Path, String)} but without a staging folder of its own: for
   * {@code glappet verify}, which only completes and checks what is there.
   */
  public static OutputFolder openWithoutStaging(Path root) throws IOException {
    return open(root, "verify-" + ProcessHandle.current().pid(), false);
  }

  private static OutputFolder open(Path root, String runId, boolean withStaging) throws IOException {
    Files.createDirectories(root);
    Path lock = root.resolve(LOCK);
    List<String> notes = new ArrayList<>();
    String me = ProcessHandle.current().pid() + " " + hostname() + " " + runId;
    for (int attempt = 0; ; attempt++) {
      try {
        Files.writeString(lock, me, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW,
            java.nio.file.StandardOpenOption.WRITE);
        break;
      } catch (FileAlreadyExistsException e) {
        String holder = readQuietly(lock);
        if (holderAlive(holder) || attempt > 2) {
          throw new LockedException("another batch is writing to " + root + " (process " + holder
              + "); wait for it to finish. If no batch is running, delete " + lock);
        }
        Files.deleteIfExists(lock); // stale: its process is gone
        notes.add("an earlier batch on " + root + " was killed (" + (holder.isBlank() ? "no process recorded"
            : "process " + holder.trim()) + "); its stale lock was taken over");
      }
    }
    PublicationJournal.Recovery recovery;
    try {
      recovery = PublicationJournal.recover(root);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(lock);
      throw e;
    }
    if (recovery != null) {
      if (!recovery.completed()) {
        Files.deleteIfExists(lock);
        throw new PublicationJournal.InconsistentException(root, recovery);
      }
      notes.add(recovery.summary(root));
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(root, STAGING_PREFIX + "*")) {
      for (Path old : ds) {
        deleteTree(old);
      }
    }
    Path staging = withStaging ? root.resolve(STAGING_PREFIX + runId) : null;
    if (staging != null) {
      Files.createDirectories(staging);
    }
    return new OutputFolder(root, lock, staging, notes);
  }

  /** One line per thing {@link #open} found and repaired (a stale lock, an interrupted publication). */
  public List<String> notes() {
    return notes;
  }

  static boolean holderAlive(String holder) {
    if (holder == null || holder.isBlank()) {
      return false;
    }
    String[] f = holder.trim().split(" ");
    try {
      long pid = Long.parseLong(f[0]);
      if (f.length > 1 && !f[1].equals(hostname())) {
        return true; // another machine's process: we cannot tell, so respect it
      }
      Optional<ProcessHandle> p = ProcessHandle.of(pid);
      return p.isPresent() && p.get().isAlive();
    } catch (NumberFormatException e) {
      return false;
    }
  }

  static String hostname() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown-host";
    }
  }

  private static String readQuietly(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  public Path root() {
    return root;
  }

  public Path staging() {
    return staging;
  }

  /**
   * The SHA-256 (lower-case hex) of the staged file {@code relative}, computed once per run: the
   * month index, the manifest and the journal each name the staged files' checksums, and hashing a
   * national year's 11 MB of outputs three times took about 0.2 s of the single-threaded
   * publication. A file changed since it was hashed (another size, modification time or file) is
   * hashed again. Large files go through the digest helper when the reading started one
   * ({@link FileDigests}).
   */
  public String stagedSha256(String relative) throws IOException {
    Path file = staging.resolve(relative);
    java.nio.file.attribute.BasicFileAttributes a =
        Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
    String stamp = a.size() + "@" + a.lastModifiedTime() + "@" + a.fileKey();
    String[] known = stagedDigests.get(relative);
    if (known != null && known[0].equals(stamp)) {
      return known[1];
    }
    String sha = FileDigests.start(Files.readAllBytes(file)).hex();
    stagedDigests.put(relative, new String[] {stamp, sha});
    return sha;
  }

  /** {@link #stagedSha256}'s checksums so far: relative path to (size, modification time and file key; SHA-256). */
  private final java.util.Map<String, String[]> stagedDigests = new java.util.HashMap<>();

  /** Moves a finished file into place under {@code relative}, replacing the old one atomically. */
  public Path publish(Path finished, String relative) throws IOException {
    Path target = root.resolve(relative);
    Files.createDirectories(target.getParent());
    try {
      Files.move(finished, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the output folder does not support atomic renames: " + root, e);
    }
    return target;
  }

  /** Writes a small text file in place atomically (via a hidden temporary file in the root). */
  public Path writeAtomically(String relative, String content) throws IOException {
    Path tmp = staging.resolve("tmp-" + relative.replace('/', '_'));
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    return publish(tmp, relative);
  }

  public static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Removes {@code p} and everything below it. After a failed run a writer of the graph may still
   * be finishing a file in it (the DirectRunner reports the first failure while other bundles of
   * the same step run on): a folder that is not empty yet, or a file that vanishes while the tree
   * is walked, is tried again for up to five seconds before the last error is thrown.
   */
  static void deleteTree(Path p) throws IOException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (true) {
      if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        return;
      }
      try (Stream<Path> s = Files.walk(p)) {
        for (Path x : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
          Files.deleteIfExists(x);
        }
        return;
      } catch (IOException | java.io.UncheckedIOException e) {
        if (System.nanoTime() > deadline) {
          throw e instanceof IOException ? (IOException) e : ((java.io.UncheckedIOException) e).getCause();
        }
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while removing " + p);
      }
    }
  }

  /**
   * For the graph's writers, which write into the staging folder: fails when the folder that
   * should hold {@code file} is gone instead of re-creating it. After a failed run the driver
   * removes the staging folder while the runner may still be stopping other writers (the
   * DirectRunner reports the first failure at once); such a late writer must leave nothing behind.
   */
  public static void requireFolderOf(Path file) throws IOException {
    if (!Files.isDirectory(file.getParent())) {
      throw new java.nio.file.NoSuchFileException(file.getParent().toString(), null,
          "the run's staging folder is gone (the run was abandoned)");
    }
  }

  /** Removes this run's staging folder and releases the lock. */
  @Override
  public void close() {
    try {
      if (staging != null && !PublicationJournal.pending(root)) { // else the roll-forward needs the staged files
        deleteTree(staging);
      }
    } catch (IOException ignored) {
      // best effort: the next run removes left-over staging
    }
    try {
      Files.deleteIfExists(lock);
    } catch (IOException ignored) {
      // a stale lock is detected and taken over by the next run
    }
  }
}
