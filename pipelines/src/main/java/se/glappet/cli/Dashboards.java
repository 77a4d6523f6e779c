package se.glappet.cli;

import java.io.IOException;
import java.nio.file.Path;
import se.glappet.dashboard.DashboardRenderer;
import se.glappet.reference.Municipalities;

/** Builds the dashboard from the published files (the dashboards module's renderer). */
final class Dashboards {
  private Dashboards() {}

  static Path render(Path outDir, Municipalities municipalities) throws IOException {
    return DashboardRenderer.render(outDir, municipalities.names());
  }
}
