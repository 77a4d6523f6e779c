package se.glappet.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import se.glappet.publish.OutputFolder;
import se.glappet.publish.PublicationJournal;
import se.glappet.publish.PublishedFolder;

/**
 * {@code glappet verify --output OUT}: completes a publication that a killed batch left half done
 * (from its journal and staged files), then checks every file the manifest names against its
 * SHA-256. Exit 0 when the folder is what one publication left; 1 with a list when it is not.
 */
final class VerifyCommand {
  static final String HELP = String.join("\n",
      "Usage: glappet verify --output DIR [--reference DIR]",
      "",
      "Checks that DIR holds whole publications: completes a publication that was interrupted (a batch",
      "killed while it renamed its files into place, which leaves DIR/" + PublicationJournal.FILE + "), and",
      "compares every file that DIR/manifest.json names with its SHA-256. After completing a publication it",
      "rebuilds the dashboard, naming the municipalities from --reference DIR (DIR/municipalities.csv) or,",
      "without it, from the list the publishing batch read (its --reference), else the shipped one.",
      "",
      "Exit codes: 0 consistent (possibly after completing an interrupted publication); 1 inconsistent,",
      "with one line per file; 2 usage error.");

  private VerifyCommand() {}

  static int run(String[] argv) {
    Path out;
    String reference;
    try {
      Args a = Args.parse(argv, Set.of("output", "reference"), Set.of("help"), false);
      if (a.has("help")) {
        System.out.println(HELP);
        return 0;
      }
      out = Paths.get(a.require("output")).toAbsolutePath().normalize();
      reference = a.has("reference") ? a.get("reference") : null;
      if (!Files.isDirectory(out)) {
        throw new UsageException("the output folder " + out + " does not exist");
      }
    } catch (UsageException e) {
      System.err.println("glappet verify: " + e.getMessage());
      System.err.println("Run 'glappet verify --help' for the options.");
      return 2;
    }
    try {
      boolean rolledForward = false;
      // Taking the lock as a batch does completes an interrupted publication (or says why it cannot).
      try (OutputFolder folder = OutputFolder.openWithoutStaging(out)) {
        for (String note : folder.notes()) {
          System.out.println("glappet verify: " + note);
          rolledForward |= note.contains("now completed");
        }
        PublishedFolder.Check c = PublishedFolder.check(out);
        for (String note : c.notes) {
          System.out.println("  note: " + note);
        }
        if (!c.consistent()) {
          System.err.println("glappet verify: " + out + " is not consistent (" + c.problems.size() + " problem"
              + (c.problems.size() == 1 ? "" : "s") + "):");
          for (String p : c.problems) {
            System.err.println("  " + p);
          }
          System.err.println("Publish the months concerned again with 'glappet batch', or restore the files from a "
              + "backup.");
          return 1;
        }
        if (rolledForward) {
          try {
            Dashboards.render(out, Dashboards.municipalities(out, reference));
            System.out.println("glappet verify: rebuilt " + out.resolve("dashboard").resolve("index.html")
                + " from the completed publication");
          } catch (Exception e) {
            System.err.println("glappet verify: warning: the dashboard could not be rebuilt (" + e.getMessage()
                + "); run 'glappet dashboard --output " + out + " [--reference DIR]'");
          }
        }
        System.out.println("glappet verify: " + out + " is consistent: " + c.filesChecked + " files match the manifest"
            + " of run " + c.manifestRunId);
        return 0;
      }
    } catch (PublicationJournal.InconsistentException e) {
      System.err.println("glappet verify: " + out + " is not consistent: " + e.recovery.summary(out) + ":");
      for (String p : e.recovery.problems) {
        System.err.println("  " + p);
      }
      System.err.println("Restore those files from a backup, or delete " + out.resolve(PublicationJournal.FILE)
          + " and publish the months concerned again with 'glappet batch --from ... --to ...'.");
      return 1;
    } catch (OutputFolder.LockedException e) {
      System.err.println("glappet verify: " + e.getMessage());
      return 1;
    } catch (Exception e) {
      System.err.println("glappet verify: failed: " + e.getMessage());
      return 1;
    }
  }
}
