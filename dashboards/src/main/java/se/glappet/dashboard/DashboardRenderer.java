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
    // One pass over the template only: inserted text is never scanned for placeholders, and is
    // appended as it is (the page is about 1 MB, most of it ECharts, on every run).
    String template = resource(BASE + "template.html");
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder(template.length() + parts.values().stream().mapToInt(String::length).sum());
    int copied = 0;
    while (m.find()) {
      String part = parts.get(m.group(1));
      if (part == null) {
        throw new IllegalStateException("Unknown template placeholder " + m.group());
      }
      out.append(template, copied, m.start()).append(part);
      copied = m.end();
    }
    return out.append(template, copied, template.length()).toString();
  }

  /**
   * JSON for a {@code <script type="application/json">} block: every {@code <} becomes
   * {@code \u003c}, which can only occur inside JSON strings, so neither {@code </script} nor
   * {@code <!--} can end or confuse the block.
   */
  static String jsonForScript(String json) {
    return json.replace("<", "\\u003c");
  }

  /**
   * JavaScript for an inline {@code <script>}: {@code </script} (in any ASCII case) becomes
   * {@code <\/script}, and {@code <!--} becomes {@code <\!--}. One pass that looks only at the
   * {@code <}s; text without either is returned as it is (ECharts, about 1 MB, on every run).
   */
  static String jsForScript(String js) {
    StringBuilder out = null;
    int copied = 0;
    for (int i = js.indexOf('<'); i >= 0; i = js.indexOf('<', i + 1)) {
      boolean scriptEnd = js.startsWith("/", i + 1) && isAsciiWordIgnoringCase(js, i + 2, "script");
      if (scriptEnd || js.startsWith("!--", i + 1)) {
        if (out == null) {
          out = new StringBuilder(js.length() + 64);
        }
        out.append(js, copied, i + 1).append('\\');
        copied = i + 1;
      }
    }
    return out == null ? js : out.append(js, copied, js.length()).toString();
  }

  /** Whether {@code word} (lower-case ASCII letters) stands at {@code at} in {@code s}, in any ASCII case. */
  private static boolean isAsciiWordIgnoringCase(String s, int at, String word) {
    if (at + word.length() > s.length()) {
      return false;
    }
    for (int k = 0; k < word.length(); k++) {
      char c = s.charAt(at + k);
      char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
      if (lower != word.charAt(k)) {
        return false;
      }
    }
    return true;
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
