package se.glappet.cli;

import java.io.IOException;
import java.nio.file.Path;
import se.glappet.reference.Municipalities;

/** Builds the dashboard from the published files (wired to the dashboards module's renderer). */
final class Dashboards {
  private Dashboards() {}

  static void render(Path outDir, Municipalities municipalities) throws IOException {
    // Wired to se.glappet.dashboard.DashboardRenderer when that module lands.
  }
}
