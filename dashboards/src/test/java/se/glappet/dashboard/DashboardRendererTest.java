package se.glappet.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The written file, without a browser: where it lands, what it inlines, and that nothing points outside it. */
class DashboardRendererTest {

  private static final Pattern DATA_BLOCK =
      Pattern.compile("<script type=\"application/json\" id=\"glappet-data\">(.*?)</script>", Pattern.DOTALL);

  @TempDir Path out;

  @Test
  void writesOneSelfContainedFileAndNoLeftovers() throws IOException {
    DashboardFixture.write(out);
    Path written = DashboardRenderer.render(out, DashboardFixture.NAMES);

    assertEquals(out.resolve("dashboard").resolve("index.html"), written);
    try (Stream<Path> entries = Files.list(out)) {
      assertTrue(entries.noneMatch(p -> p.getFileName().toString().startsWith(".dashboard-")), "temp file left behind");
    }
    String html = Files.readString(written, StandardCharsets.UTF_8);
    assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"sv\">"));
    assertFalse(html.contains("{{"), "unfilled placeholder");
    // Exactly the three inline blocks: data, ECharts, page script. Any unescaped </script would add one.
    assertEquals(3, count(html, "</script>"));
    assertEquals(3, count(html.toLowerCase(), "</script"));
    assertFalse(Pattern.compile("<script[^>]*\\ssrc=|<link[\\s>]|@import|@font-face|url\\(\\s*['\"]?(https?:)?//",
        Pattern.CASE_INSENSITIVE).matcher(html).find(), "external resource referenced");
    assertTrue(html.contains("default-src 'none'"), "Content-Security-Policy forbids network access");
    assertTrue(html.contains("echarts"), "ECharts inlined");
  }

  @Test
  void inlinesTheSodertornFiguresAsJson() throws IOException {
    DashboardFixture.write(out);
    JsonNode data = data(Files.readString(DashboardRenderer.render(out, DashboardFixture.NAMES)));

    assertEquals(DashboardFixture.RUN_ID, data.at("/meta/run_id").asText());
    assertEquals("2024-04-01", data.at("/meta/obs_end").asText());
    assertEquals("Södertälje", data.at("/names/0181").asText());
    assertEquals("Stockholms län", data.at("/counties/01").asText());
    List<String> cols = names(data.at("/gap/cols"));
    assertEquals(8 * 3, data.at("/gap/rows").size(), "only the eight, every month");
    JsonNode botkyrkaMarch = find(data.at("/gap/rows"), cols, "2024-03", "0127");
    assertEquals(1234, botkyrkaMarch.get(cols.indexOf("persons_in_gap")).asLong());
    assertEquals("1234567.89", botkyrkaMarch.get(cols.indexOf("gap_support_sek")).decimalValue().toPlainString());
    JsonNode salemMarch = find(data.at("/gap/rows"), cols, "2024-03", "0128");
    assertTrue(salemMarch.get(cols.indexOf("persons_in_gap")).isNull());
    assertTrue(salemMarch.get(cols.indexOf("suppressed")).asBoolean());
    // 13 municipalities, 4 counties, region, nation; Skåne has no published RECOVERABLE_SHARE member.
    assertEquals(3 * 5 * (13 + 4 + 2) - 3, data.at("/national/rows").size());
  }

  @Test
  void escapesScriptEndsInInlinedText() throws IOException {
    DashboardFixture.write(out);
    Map<String, String> names = new HashMap<>(DashboardFixture.NAMES);
    names.put("0127", "Bot</script><script>alert(1)</script><!--kyrka");
    String html = Files.readString(DashboardRenderer.render(out, names));
    assertEquals(3, count(html.toLowerCase(), "</script"));
    assertEquals(names.get("0127"), data(html).at("/names/0127").asText());

    assertEquals("a<\\/script>b<\\/SCRIPT c<\\!--", DashboardRenderer.jsForScript("a</script>b</SCRIPT c<!--"));
    assertEquals("\"\\u003c/script>\"", DashboardRenderer.jsonForScript("\"</script>\""));
  }

  @Test
  void rendersWithoutManifestOrDatasets() throws IOException {
    Path written = DashboardRenderer.render(out, DashboardFixture.NAMES);
    JsonNode data = data(Files.readString(written));
    assertTrue(data.at("/meta/run_id").isNull());
    assertEquals(0, data.at("/gap/rows").size());
    assertEquals(0, data.at("/national/rows").size());
  }

  @Test
  void replacesAnEarlierDashboard() throws IOException {
    Path written = DashboardRenderer.render(out, DashboardFixture.NAMES);
    DashboardFixture.write(out);
    assertEquals(written, DashboardRenderer.render(out, DashboardFixture.NAMES));
    assertEquals(24, data(Files.readString(written)).at("/gap/rows").size());
    try (Stream<Path> entries = Files.list(out)) {
      assertTrue(entries.noneMatch(p -> p.getFileName().toString().startsWith(".")));
    }
  }

  static JsonNode data(String html) throws IOException {
    Matcher m = DATA_BLOCK.matcher(html);
    assertTrue(m.find(), "data block present");
    return new ObjectMapper().readTree(m.group(1));
  }

  private static JsonNode find(JsonNode rows, List<String> cols, String period, String code) {
    for (JsonNode row : rows) {
      if (row.get(cols.indexOf("period")).asText().equals(period)
          && row.get(cols.indexOf("municipality_code")).asText().equals(code)) {
        return row;
      }
    }
    throw new AssertionError("no row " + period + " " + code);
  }

  private static List<String> names(JsonNode array) {
    return Stream.iterate(0, i -> i < array.size(), i -> i + 1).map(i -> array.get(i).asText()).toList();
  }

  private static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
