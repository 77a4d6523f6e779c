package se.glappet.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The intent journal that makes a publication whole (issue 15): before the first rename the run
 * writes {@code OUT/.publishing.json}, naming every staged file with its SHA-256 and its target
 * (the manifest last); then it renames the files into place, then the manifest, and then removes
 * the journal. A journal found later means that publication was interrupted (kill -9, power loss):
 * {@link #recover} rolls it forward from the staged files still in the run's staging folder, or,
 * when it cannot, lists exactly what is inconsistent and changes nothing.
 *
 * <pre>
 * {"run_id": "...", "staging": ".staging-RUNID",
 *  "files": [{"path": "gap_monthly/2011-01.parquet", "sha256": "..."}, ..., {"path": "manifest.json", ...}]}
 * </pre>
 */
public final class PublicationJournal {
  public static final String FILE = ".publishing.json";
  /**
   * Test hook: after this many renames the run prints {@code glappet-test: paused} and waits,
   * so that a test can kill it with SIGKILL in the middle of the renames.
   */
  public static final String PAUSE_PROPERTY = "glappet.test.pauseAfterRenames";

  private PublicationJournal() {}

  /** One staged file and the checksum it must have in place. */
  public static final class Entry {
    public final String path;
    public final String sha256;

    Entry(String path, String sha256) {
      this.path = path;
      this.sha256 = sha256;
    }
  }

  /** What {@link #recover} found and did. */
  public static final class Recovery {
    public final String runId;
    public final int renamed;
    public final int alreadyInPlace;
    /** Empty when the publication was rolled forward; otherwise one line per inconsistent file. */
    public final List<String> problems;

    Recovery(String runId, int renamed, int alreadyInPlace, List<String> problems) {
      this.runId = runId;
      this.renamed = renamed;
      this.alreadyInPlace = alreadyInPlace;
      this.problems = problems;
    }

    public boolean completed() {
      return problems.isEmpty();
    }

    /** One line for the console. */
    public String summary(Path root) {
      if (completed()) {
        return "the publication of run " + runId + " in " + root + " was interrupted (its journal " + FILE
            + " was left); it is now completed from its staged files (" + renamed + " renamed, " + alreadyInPlace
            + " were already in place)";
      }
      return "the publication of run " + runId + " in " + root + " was interrupted and cannot be completed: "
          + problems.size() + " file(s) inconsistent";
    }
  }

  /** Thrown when an interrupted publication cannot be rolled forward. */
  public static final class InconsistentException extends IOException {
    private static final long serialVersionUID = 1L;
    public final transient Recovery recovery;

    InconsistentException(Path root, Recovery recovery) {
      super(recovery.summary(root) + ": " + String.join("; ", recovery.problems) + ". Restore those files from a "
          + "backup, or delete " + root.resolve(FILE) + " and publish the months concerned again (glappet batch "
          + "--from/--to); 'glappet verify --output " + root + "' lists the state.");
      this.recovery = recovery;
    }
  }

  /**
   * Publishes the staged files {@code relative} (paths under the staging folder, the manifest last)
   * through the journal.
   */
  public static void publish(OutputFolder out, String runId, List<String> relative) throws IOException {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode j = json.createObjectNode();
    j.put("run_id", runId);
    j.put("staging", out.root().relativize(out.staging()).toString());
    ArrayNode files = j.putArray("files");
    for (String rel : relative) {
      ObjectNode f = files.addObject();
      f.put("path", rel);
      f.put("sha256", out.stagedSha256(rel));
    }
    Path tmp = out.staging().resolve("journal.tmp");
    Files.writeString(tmp, json.writeValueAsString(j), StandardCharsets.UTF_8);
    force(tmp);
    Files.move(tmp, out.root().resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    force(out.root());
    int pauseAfter = Integer.getInteger(PAUSE_PROPERTY, -1);
    int n = 0;
    for (String rel : relative) {
      if (n++ == pauseAfter) {
        pauseForTest();
      }
      out.publish(out.staging().resolve(rel), rel);
    }
    force(out.root());
    Files.delete(out.root().resolve(FILE));
  }

  private static void pauseForTest() {
    System.out.println("glappet-test: paused");
    System.out.flush();
    try {
      Thread.sleep(Long.MAX_VALUE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Best effort fsync of a file or folder (so that the journal survives a power loss too). */
  static void force(Path p) {
    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | RuntimeException ignored) {
      // not every file system lets a folder be synced; kill -9 does not need it
    }
  }

  /** Whether {@code root} holds the journal of an interrupted publication. */
  public static boolean pending(Path root) {
    return Files.exists(root.resolve(FILE));
  }

  /** The run id named in the journal, or "unknown" when it cannot be read. */
  public static String pendingRunId(Path root) {
    try {
      return new ObjectMapper().readTree(root.resolve(FILE).toFile()).path("run_id").asText("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  /**
   * Rolls an interrupted publication forward: for every journal entry whose file in place does not
   * have the journal's checksum yet, the staged file (which must have it) is renamed into place;
   * then the journal and the staging folder are removed. When any entry has neither, nothing is
   * changed and the problems are listed. Returns null when there is no journal. The caller holds the lock.
   */
  public static Recovery recover(Path root) throws IOException {
    Path journal = root.resolve(FILE);
    if (!Files.exists(journal)) {
      return null;
    }
    JsonNode j;
    try {
      j = new ObjectMapper().readTree(journal.toFile());
    } catch (IOException e) {
      j = null;
    }
    if (j == null || !j.path("files").isArray() || !j.path("staging").isTextual()) {
      // The journal is written whole and renamed into place, so this means it was damaged afterwards.
      return new Recovery("unknown", 0, 0, List.of(journal + " is not a readable journal"));
    }
    String runId = j.path("run_id").asText("unknown");
    Path staging = root.resolve(j.path("staging").asText());
    if (!staging.getFileName().toString().startsWith(OutputFolder.STAGING_PREFIX)
        || !root.equals(staging.getParent())) {
      return new Recovery(runId, 0, 0, List.of(journal + " names a staging folder outside " + root));
    }
    List<Entry> entries = new ArrayList<>();
    for (JsonNode f : j.path("files")) {
      entries.add(new Entry(f.path("path").asText(), f.path("sha256").asText()));
    }
    List<String> problems = new ArrayList<>();
    List<Entry> toRename = new ArrayList<>();
    int inPlace = 0;
    for (Entry e : entries) {
      Path staged = staging.resolve(e.path);
      Path target = root.resolve(e.path);
      if (!target.normalize().startsWith(root) || e.path.isEmpty()) {
        problems.add(e.path + ": not a path inside " + root);
      } else if (Files.isRegularFile(staged) && OutputFolder.sha256(staged).equals(e.sha256)) {
        toRename.add(e);
      } else if (Files.isRegularFile(target) && OutputFolder.sha256(target).equals(e.sha256)) {
        inPlace++;
      } else {
        problems.add(e.path + ": " + (Files.isRegularFile(target) ? "the file in place is not" : "missing, and not")
            + " the one run " + runId + " published, and its staged copy is "
            + (Files.isRegularFile(staged) ? "damaged" : "gone"));
      }
    }
    if (!problems.isEmpty()) {
      return new Recovery(runId, 0, inPlace, problems);
    }
    for (Entry e : toRename) {
      Path target = root.resolve(e.path);
      Files.createDirectories(target.getParent());
      Files.move(staging.resolve(e.path), target, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    }
    force(root);
    if (runId.matches("[A-Za-z0-9_-]+") && entries.stream().anyMatch(e -> e.path.equals("manifest.json"))) {
      // the copy a finished run keeps beside its quality report
      Path copy = root.resolve("quality").resolve(runId).resolve("manifest.json");
      Files.createDirectories(copy.getParent());
      Files.copy(root.resolve("manifest.json"), copy, StandardCopyOption.REPLACE_EXISTING);
    }
    Files.delete(journal);
    OutputFolder.deleteTree(staging);
    return new Recovery(runId, toRename.size(), inPlace, List.of());
  }
}
