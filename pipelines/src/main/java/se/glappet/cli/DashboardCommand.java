package se.glappet.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import se.glappet.reference.Municipalities;

/** {@code glappet dashboard --output OUT}: rebuilds the dashboard from the Parquet files already published. */
final class DashboardCommand {
  static final String HELP = String.join("\n",
      "Usage: glappet dashboard --output DIR [--reference DIR]",
      "",
      "Rebuilds DIR/dashboard/index.html from the Parquet files published in DIR.");

  private DashboardCommand() {}

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
      Municipalities m = a.has("reference") ? Municipalities.fromDirectory(Paths.get(a.get("reference")))
          : Municipalities.shipped();
      Dashboards.render(out, m);
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
