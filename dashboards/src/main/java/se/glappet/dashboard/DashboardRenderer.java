package se.glappet.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes {@code OUT/dashboard/index.html}: one self-contained Swedish page with the published
 * figures inlined as JSON, the ECharts library inlined from its WebJar, and the template, styles
 * and page script from this package's resources. The page makes no network request.
 */
public final class DashboardRenderer {

  static final String ECHARTS_RESOURCE = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
  private static final String BASE = "se/glappet/dashboard/";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Z]+)}}");
  private static final Pattern SCRIPT_END = Pattern.compile("</(script)", Pattern.CASE_INSENSITIVE);

  private DashboardRenderer() {}

  /**
   * Reads the published Parquet files under outDir (all months present) and writes
   * outDir/dashboard/index.html atomically. municipalityNames maps 4-digit code to Swedish name.
   * kpis are the comparison KPIs in the order the page lists them. A month file that cannot be read
   * gives a {@link PublishedFileException} naming it, and no page.
   *
   * @return the path written
   */
  public static Path render(Path outDir, Map<String, String> municipalityNames, List<KpiLabel> kpis)
      throws IOException {
    String json = new ObjectMapper().writeValueAsString(DashboardData.read(outDir, municipalityNames, kpis));
    String html = page(json);
    Path target = outDir.resolve("dashboard").resolve("index.html");
    Files.createDirectories(target.getParent());
    Path temp = outDir.resolve(".dashboard-" + UUID.randomUUID() + ".html");
    try {
      Files.writeString(temp, html, StandardCharsets.UTF_8);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
    return target;
  }

  /**
   * Whether outDir holds any published month file ({@code <dataset>/YYYY-MM.parquet} of one of the
   * five datasets). {@link #render} also works without one (an empty page); a caller that rebuilds
   * the dashboard on request checks this first.
   */
  public static boolean hasPublishedFiles(Path outDir) throws IOException {
    return DashboardData.hasPublishedFiles(outDir);
  }

  /** The whole page for the given data JSON. */
  static String page(String dataJson) {
    Map<String, String> parts = Map.of(
        "STYLE", resource(BASE + "dashboard.css"),
        "DATA", jsonForScript(dataJson),
        "ECHARTS", jsForScript(resource(ECHARTS_RESOURCE)),
        "APP", jsForScript(resource(BASE + "dashboard.js")));
    // One pass over the template only: inserted text is never scanned for placeholders.
    Matcher m = PLACEHOLDER.matcher(resource(BASE + "template.html"));
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String part = parts.get(m.group(1));
      if (part == null) {
        throw new IllegalStateException("Unknown template placeholder " + m.group());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(part));
    }
    return m.appendTail(out).toString();
  }

  /**
   * JSON for a {@code <script type="application/json">} block: every {@code <} becomes
   * {@code \u003c}, which can only occur inside JSON strings, so neither {@code </script} nor
   * {@code <!--} can end or confuse the block.
   */
  static String jsonForScript(String json) {
    return json.replace("<", "\\u003c");
  }

  /** JavaScript for an inline {@code <script>}: {@code </script} becomes {@code <\/script}. */
  static String jsForScript(String js) {
    return SCRIPT_END.matcher(js).replaceAll("<\\\\/$1").replace("<!--", "<\\!--");
  }

  private static String resource(String name) {
    try (InputStream in = DashboardRenderer.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource on the classpath: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
