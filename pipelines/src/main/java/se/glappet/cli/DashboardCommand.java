package se.glappet.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import se.glappet.publish.PublicationJournal;
import se.glappet.publish.PublishedFolder;

/** {@code glappet dashboard --output OUT}: rebuilds the dashboard from the Parquet files already published. */
final class DashboardCommand {
  static final String HELP = String.join("\n",
      "Usage: glappet dashboard --output DIR [--reference DIR]",
      "",
      "Rebuilds DIR/dashboard/index.html from the Parquet files published in DIR.",
      "",
      "  --reference DIR   the municipality list (DIR/municipalities.csv) for the names; default: the list",
      "                    the publishing batch read (its --reference, from DIR/manifest.json), else the",
      "                    shipped one");

  private DashboardCommand() {}

  /**
   * Why the dashboard must not be built from {@code out}: a publication whose journal is still there
   * (a batch was killed while renaming), or files that differ from the manifest; null when neither.
   */
  static String unfinishedPublication(Path out) throws java.io.IOException {
    String verify = "run 'glappet verify --output " + out + "' first";
    if (PublicationJournal.pending(out)) {
      return out + " holds an interrupted publication (run " + PublicationJournal.pendingRunId(out) + "); " + verify;
    }
    if (!Files.exists(out.resolve("manifest.json"))) {
      return null; // nothing to check against
    }
    PublishedFolder.Check c = PublishedFolder.check(out);
    if (!c.consistent()) {
      return out + " does not match its manifest (" + c.problems.size() + " file" + (c.problems.size() == 1 ? "" : "s")
          + ", e.g. " + c.problems.get(0) + "); " + verify;
    }
    return null;
  }

  static int run(String[] argv) {
    try {
      Args a = Args.parse(argv, Set.of("output", "reference"), Set.of("help"), false);
      if (a.has("help")) {
        System.out.println(HELP);
        return 0;
      }
      Path out = Paths.get(a.require("output"));
      if (!Files.isDirectory(out)) {
        throw new UsageException("the output folder " + out + " does not exist");
      }
      String unfinished = unfinishedPublication(out);
      if (unfinished != null) {
        System.err.println("glappet dashboard: " + unfinished);
        return 1;
      }
      Dashboards.render(out, Dashboards.municipalities(out, a.has("reference") ? a.get("reference") : null));
      System.out.println("Wrote " + out.resolve("dashboard").resolve("index.html"));
      return 0;
    } catch (UsageException e) {
      System.err.println("glappet dashboard: " + e.getMessage());
      return 2;
    } catch (Exception e) {
      System.err.println("glappet dashboard: failed: " + e.getMessage());
      return 1;
    }
  }
}
