package se.glappet.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import se.glappet.dashboard.DashboardRenderer;
import se.glappet.dashboard.KpiLabel;
import se.glappet.figures.Kpi;
import se.glappet.publish.PublishedFolder;
import se.glappet.reference.Municipalities;

/** Builds the dashboard from the published files (the dashboards module's renderer). */
final class Dashboards {
  private Dashboards() {}

  /**
   * Writes outDir/dashboard/index.html. Fails with a one-line message (and writes nothing) when
   * outDir holds no published month file at all, or when a month file cannot be read; the message
   * names the file and what to do.
   */
  static Path render(Path outDir, Municipalities municipalities) throws IOException {
    if (!DashboardRenderer.hasPublishedFiles(outDir)) {
      throw new IOException(noPublishedFiles(outDir));
    }
    return DashboardRenderer.render(outDir, municipalities.names(), kpiLabels());
  }

  /**
   * The municipality list for rebuilding outDir's dashboard: {@code reference} (a folder holding
   * municipalities.csv) when given; else the folder the publishing batch read with its own {@code
   * --reference} (the manifest's arguments; a relative one taken from the current folder); else the
   * shipped list. So a dashboard rebuilt by {@code glappet verify} or {@code glappet dashboard}
   * names the municipalities as the batch's did.
   */
  static Municipalities municipalities(Path outDir, String reference) throws IOException {
    String dir = reference;
    if (dir == null) {
      com.fasterxml.jackson.databind.JsonNode manifest = PublishedFolder.manifest(outDir);
      dir = manifest == null ? null : manifest.path("arguments").path("reference").asText(null);
    }
    if (dir == null) {
      return Municipalities.shipped();
    }
    try {
      return Municipalities.fromDirectory(Paths.get(dir));
    } catch (IOException | RuntimeException e) {
      throw new IOException("the municipality list " + Paths.get(dir).resolve("municipalities.csv")
          + (reference == null ? " (the publishing batch's --reference)" : "") + " cannot be read: " + e.getMessage()
          + "; give the list with --reference DIR", e);
    }
  }

  /** The comparison KPIs as declared ({@link Kpi}), in the dashboard's order, for the page. */
  static List<KpiLabel> kpiLabels() {
    List<KpiLabel> out = new ArrayList<>();
    for (Kpi k : Kpi.DASHBOARD_ORDER) {
      out.add(new KpiLabel(k.name(), k.chartLabelSv, k.unit.name(), k.restsOnPayments()));
    }
    return out;
  }

  static String noPublishedFiles(Path outDir) {
    return "nothing has been published in " + outDir + " (no month file such as gap_monthly/YYYY-MM.parquet),"
        + " so there is no dashboard to build: run glappet batch --input IN --output " + outDir
        + " first (see glappet dashboard --help)";
  }
}
