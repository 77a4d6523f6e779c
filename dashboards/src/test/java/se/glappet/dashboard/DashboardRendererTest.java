package se.glappet.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    Path written = DashboardRenderer.render(out, DashboardFixture.NAMES, DashboardFixture.KPI_LABELS);

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
  void theKpiLabelsAndUnitsComeFromTheCallerInItsOrder() throws IOException {
    DashboardFixture.write(out);
    List<KpiLabel> kpis = List.of(new KpiLabel("RECOVERABLE_SHARE", "Andel som kan återsökas", "SHARE", true),
        new KpiLabel("MEDIAN_CASH_GAP_DAYS", "Mediantid", "DAYS", false));
    JsonNode k = data(Files.readString(DashboardRenderer.render(out, DashboardFixture.NAMES, kpis))).get("kpis");
    assertEquals(2, k.size());
    assertEquals("RECOVERABLE_SHARE", k.get(0).get("code").asText());
    assertEquals("Andel som kan återsökas", k.get(0).get("label").asText());
    assertEquals("SHARE", k.get(0).get("unit").asText());
    assertTrue(k.get(0).get("rests_on_payments").asBoolean());
    assertEquals("Mediantid", k.get(1).get("label").asText());
    assertFalse(k.get(1).get("rests_on_payments").asBoolean());
  }

  @Test
  void inlinesTheSodertornFiguresAsJson() throws IOException {
    DashboardFixture.write(out);
    JsonNode data = data(Files.readString(DashboardRenderer.render(out, DashboardFixture.NAMES, DashboardFixture.KPI_LABELS)));

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
    // 13 municipalities, 4 counties, region, nation; Skåne's RECOVERABLE_SHARE row stands with no member.
    assertEquals(3 * 5 * (13 + 4 + 2), data.at("/national/rows").size());
  }

  @Test
  void escapesScriptEndsInInlinedText() throws IOException {
    DashboardFixture.write(out);
    Map<String, String> names = new HashMap<>(DashboardFixture.NAMES);
    names.put("0127", "Bot</script><script>alert(1)</script><!--kyrka");
    String html = Files.readString(DashboardRenderer.render(out, names, DashboardFixture.KPI_LABELS));
    assertEquals(3, count(html.toLowerCase(), "</script"));
    assertEquals(names.get("0127"), data(html).at("/names/0127").asText());

    assertEquals("a<\\/script>b<\\/SCRIPT c<\\!--", DashboardRenderer.jsForScript("a</script>b</SCRIPT c<!--"));
    assertEquals("\"\\u003c/script>\"", DashboardRenderer.jsonForScript("\"</script>\""));
  }

  /**
   * The one-pass escaping is the rule it replaced: a case-insensitive (ASCII) regular expression
   * for {@code </script}, then {@code <!--}. Random text over the characters that matter,
   * non-ASCII letters whose Unicode case folds onto "s" or "i" included.
   */
  @Test
  void scriptEscapingIsTheRegularExpressionItReplaced() {
    java.util.regex.Pattern scriptEnd = java.util.regex.Pattern.compile("</(script)", java.util.regex.Pattern.CASE_INSENSITIVE);
    String alphabet = "</!-scriptSCRIPTſıx\\";
    java.util.Random random = new java.util.Random(13);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder b = new StringBuilder();
      for (int k = random.nextInt(24); k > 0; k--) {
        b.append(random.nextInt(4) == 0 ? "</script".substring(0, 1 + random.nextInt(8)) : String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))));
      }
      String js = b.toString();
      String expected = scriptEnd.matcher(js).replaceAll("<\\\\/$1").replace("<!--", "<\\!--");
      assertEquals(expected, DashboardRenderer.jsForScript(js), js);
    }
    String plain = "no script end here";
    assertSame(plain, DashboardRenderer.jsForScript(plain), "text without either is not copied");
  }

  @Test
  void rendersWithoutManifestOrDatasets() throws IOException {
    Path written = DashboardRenderer.render(out, DashboardFixture.NAMES, DashboardFixture.KPI_LABELS);
    JsonNode data = data(Files.readString(written));
    assertTrue(data.at("/meta/run_id").isNull());
    assertEquals(0, data.at("/gap/rows").size());
    assertEquals(0, data.at("/national/rows").size());
  }

  @Test
  void replacesAnEarlierDashboard() throws IOException {
    Path written = DashboardRenderer.render(out, DashboardFixture.NAMES, DashboardFixture.KPI_LABELS);
    DashboardFixture.write(out);
    assertEquals(written, DashboardRenderer.render(out, DashboardFixture.NAMES, DashboardFixture.KPI_LABELS));
    assertEquals(24, data(Files.readString(written)).at("/gap/rows").size());
    try (Stream<Path> entries = Files.list(out)) {
      assertTrue(entries.noneMatch(p -> p.getFileName().toString().startsWith(".")));
    }
  }

  // ---------------------------------------------------------------- the totals rule (AreaTotal)

  @Test
  void totalOfShownMembersIsTheirExactSum() {
    Figure total = AreaTotal.of(members("0127", shown("100.50"), "0128", shown("0"), "0136", shown("20.25")));
    assertEquals(Figure.State.SHOWN, total.state());
    assertEquals(new BigDecimal("120.75"), total.value());
    assertFalse(total.partial(), "every member shown: no *");
    assertEquals(List.of("0127", "0128", "0136"), total.members());
  }

  @Test
  void totalOfReportedZerosIsAZero() {
    Figure total = AreaTotal.of(members("0127", shown("0"), "0128", shown("0.00")));
    assertEquals(Figure.State.SHOWN, total.state());
    assertEquals(0, total.value().signum());
    assertFalse(total.partial());
  }

  @Test
  void totalWithAShownNonZeroPartAndHiddenMembersIsMarkedPartial() {
    // 15 500 + 0 shown, one suppressed and one not reporting: 15 500 *, over the two shown members.
    Figure total = AreaTotal.of(members("0120", shown("15500.00"), "0126", Figure.SUPPRESSED,
        "0127", shown("0"), "0136", Figure.NOT_REPORTED, "0180", Figure.ABSENT));
    assertEquals(Figure.State.SHOWN, total.state());
    assertEquals(new BigDecimal("15500.00"), total.value());
    assertTrue(total.partial());
    assertEquals(List.of("0120", "0127"), total.members());

    Figure onlyNonResponse = AreaTotal.of(members("0120", shown("8000.00"), "0136", Figure.NOT_REPORTED));
    assertEquals(new BigDecimal("8000.00"), onlyNonResponse.value());
    assertTrue(onlyNonResponse.partial(), "a non-reporting member makes the sum partial too");
  }

  @Test
  void totalThatRestsOnZerosAndHiddenMembersIsNotAZero() {
    // The sample's "Anhörig utan egen plan": every municipality with such support is suppressed, the rest 0.
    assertEquals(Figure.SUPPRESSED, AreaTotal.of(members("0120", shown("0"), "0126", Figure.SUPPRESSED, "0127", shown("0"))));
    assertEquals(Figure.SUPPRESSED, AreaTotal.of(members("0120", shown("0"), "0136", Figure.NOT_REPORTED)));
    assertEquals(Figure.SUPPRESSED, AreaTotal.of(members("0126", Figure.SUPPRESSED, "0136", Figure.NOT_REPORTED)));
    assertEquals(Figure.SUPPRESSED, AreaTotal.of(members("0126", Figure.SUPPRESSED)));
  }

  @Test
  void totalOfNonReportingMembersOnlyIsMissing() {
    assertEquals(Figure.NOT_REPORTED, AreaTotal.of(members("0136", Figure.NOT_REPORTED, "0127", Figure.NOT_REPORTED,
        "0120", Figure.ABSENT)));
    assertEquals(Figure.ABSENT, AreaTotal.of(members("0120", Figure.ABSENT)));
    assertEquals(Figure.ABSENT, AreaTotal.of(new TreeMap<>()));
  }

  @Test
  void totalWithNonZeroPartsThatCancelKeepsItsMark() {
    // 50 and -50 (a correction) are shown non-zero parts: 0 *, not ..
    Figure total = AreaTotal.of(members("0120", shown("50.00"), "0126", shown("-50.00"), "0127", Figure.SUPPRESSED));
    assertEquals(Figure.State.SHOWN, total.state());
    assertEquals(0, total.value().signum());
    assertTrue(total.partial());
  }

  // ---------------------------------------------------------------- the fixture's figures, as inlined

  @Test
  void inlinesSodertornTotalsByTheTotalsRule() throws IOException {
    DashboardFixture.write(out);
    JsonNode figures = data(Files.readString(DashboardRenderer.render(out, DashboardFixture.NAMES, DashboardFixture.KPI_LABELS))).get("figures");

    // Varför?, March: OUTSIDE_TARGET_GROUP rests on zeros, Tyresö (suppressed) and Haninge (not reporting).
    assertFigure(figures.at("/reasons/2024-03/SODERTORN/OUTSIDE_TARGET_GROUP/gap_support_sek"), "SUPPRESSED", null, false);
    assertFigure(figures.at("/reasons/2024-03/SODERTORN/OUTSIDE_TARGET_GROUP/persons"), "SUPPRESSED", null, false);
    // ALLOWANCE_REDUCED: nobody in February (a real 0), zeros and Haninge in March.
    assertFigure(figures.at("/reasons/2024-02/SODERTORN/ALLOWANCE_REDUCED/gap_support_sek"), "SHOWN", "0", false);
    assertFigure(figures.at("/reasons/2024-03/SODERTORN/ALLOWANCE_REDUCED/gap_support_sek"), "SUPPRESSED", null, false);
    // FAMILY_REUNION, March: six shown 15 500,00 kr and 7 persons (Salem hidden, Haninge not reporting).
    assertFigure(figures.at("/reasons/2024-03/SODERTORN/FAMILY_REUNION/gap_support_sek"), "SHOWN", "93000.00", true);
    assertFigure(figures.at("/reasons/2024-03/SODERTORN/FAMILY_REUNION/persons"), "SHOWN", "42", true);
    assertEquals("[\"0120\",\"0126\",\"0127\",\"0138\",\"0181\",\"0192\"]",
        figures.at("/reasons/2024-03/SODERTORN/FAMILY_REUNION/persons/members").toString());
    // February, everyone reports: 8 x 15 500,00 kr, no mark.
    assertFigure(figures.at("/reasons/2024-02/SODERTORN/FAMILY_REUNION/gap_support_sek"), "SHOWN", "124000.00", false);

    // Haninge's own March: nothing known about payments.
    assertFigure(figures.at("/reasons/2024-03/0136/WAITING_PLAN/gap_support_sek"), "NOT_REPORTED", null, false);
    assertFigure(figures.at("/reasons/2024-03/0128/OUTSIDE_TARGET_GROUP/gap_support_sek"), "SHOWN", "0", false);
    assertFigure(figures.at("/gap/2024-03/0136/gap_support_sek"), "NOT_REPORTED", null, false);
    assertFigure(figures.at("/gap/2024-03/0136/recoverable_sek"), "NOT_REPORTED", null, false);
    assertFigure(figures.at("/gap/2024-03/0136/persons_in_gap"), "SHOWN", "69", false); // 40 + 17 x 1 + 6 x 2
    assertFigure(figures.at("/gap/2024-03/0128/persons_in_gap"), "SUPPRESSED", null, false);
    assertFigure(figures.at("/gap/2024-03/0138/median_cash_gap_days"), "ABSENT", null, false);

    // Gap support, March: Botkyrka 1 234 567,89 + the six others at 170 000 + 23 456,78 x index
    // (indices 2..7, sum 27: 1 020 000 + 633 333,06), Haninge not reporting: 2 887 900,95 *.
    assertFigure(figures.at("/gap/2024-03/SODERTORN/gap_support_sek"), "SHOWN", "2887900.95", true);
    // Persons in the gap, March: Salem suppressed, the other seven 1 234 + 40 + 17 x i + 12 (i = 1, 2, 3, 5, 6, 7).
    assertFigure(figures.at("/gap/2024-03/SODERTORN/persons_in_gap"), "SHOWN", String.valueOf(1234 + 6 * 52 + 17 * 24), true);
    assertTrue(figures.at("/gap/2024-03/SODERTORN/median_cash_gap_days").isMissingNode(), "the median is not summed");
  }

  @Test
  void inlinesNonResponseAndRevisions() throws IOException {
    DashboardFixture.write(out);
    JsonNode data = data(Files.readString(DashboardRenderer.render(out, DashboardFixture.NAMES, DashboardFixture.KPI_LABELS)));
    assertEquals("{\"2024-03\":[\"0136\",\"0380\"]}", data.get("non_response").toString());
    JsonNode revisions = data.at("/meta/revisions");
    assertEquals(DashboardFixture.PREVIOUS_RUN_ID, revisions.get("previous_run_id").asText());
    assertEquals("revisions/" + DashboardFixture.RUN_ID + ".parquet", revisions.get("file").asText());
    assertEquals("{\"2024-02\":{\"changes\":14,\"datasets\":{\"gap_monthly\":11,\"national_comparison\":3}}}",
        revisions.get("periods").toString());

    Files.writeString(out.resolve("manifest.json"), DashboardFixture.MANIFEST_WITHOUT_REVISIONS);
    data = data(Files.readString(DashboardRenderer.render(out, DashboardFixture.NAMES, DashboardFixture.KPI_LABELS)));
    assertTrue(data.at("/meta/revisions").isNull(), "an older manifest: revisions unknown, not none");
    assertEquals(DashboardFixture.RUN_ID, data.at("/meta/run_id").asText());
  }

  @Test
  void filesWithoutTheReportedColumnReadAsReported() throws IOException {
    // A month published before income_support_reported existed: no non-response, figures as before.
    DashboardFixture.write(out);
    Path february = out.resolve("gap_monthly").resolve("2024-02.parquet");
    rewriteWithout(february, "income_support_reported");
    JsonNode data = data(Files.readString(DashboardRenderer.render(out, DashboardFixture.NAMES, DashboardFixture.KPI_LABELS)));
    assertEquals("{\"2024-03\":[\"0136\",\"0380\"]}", data.get("non_response").toString());
    assertFigure(data.at("/figures/gap/2024-02/0136/gap_support_sek"), "SHOWN", "183456.78", false);
  }

  // ---------------------------------------------------------------- unreadable or missing files

  @Test
  void namesATruncatedMonthFileAndWhatToDo() throws IOException {
    DashboardFixture.write(out);
    Path february = out.resolve("gap_monthly").resolve("2024-02.parquet");
    byte[] bytes = Files.readAllBytes(february);
    Files.write(february, java.util.Arrays.copyOf(bytes, bytes.length / 2));

    PublishedFileException e = org.junit.jupiter.api.Assertions.assertThrows(PublishedFileException.class,
        () -> DashboardRenderer.render(out, DashboardFixture.NAMES, DashboardFixture.KPI_LABELS));
    assertEquals(february, e.file());
    String message = e.getMessage();
    assertEquals(1, message.lines().count(), message);
    assertTrue(message.startsWith("cannot read " + february + " (" + bytes.length / 2 + " bytes;"), message);
    assertTrue(message.contains("--from 2024-02 --to 2024-02"), message);
    assertTrue(message.contains("glappet verify --output " + out.toAbsolutePath()), message);
    assertFalse(message.toUpperCase().contains("SELECT") || message.contains("read_parquet"), "no SQL: " + message);
    assertFalse(Files.exists(out.resolve("dashboard").resolve("index.html")), "no page from a broken publication");
  }

  @Test
  void namesAFileThatIsNotParquet() throws IOException {
    DashboardFixture.write(out);
    Path march = out.resolve("national_comparison").resolve("2024-03.parquet");
    Files.writeString(march, "period,area_type\n2024-03,MUNICIPALITY\n");
    PublishedFileException e = org.junit.jupiter.api.Assertions.assertThrows(PublishedFileException.class,
        () -> DashboardRenderer.render(out, DashboardFixture.NAMES, DashboardFixture.KPI_LABELS));
    assertEquals(march, e.file());
  }

  @Test
  void tellsWhetherAnythingIsPublished() throws IOException {
    assertFalse(DashboardRenderer.hasPublishedFiles(out));
    Files.createDirectories(out.resolve("gap_monthly"));
    Files.writeString(out.resolve("gap_monthly").resolve("notes.txt"), "not a month file");
    assertFalse(DashboardRenderer.hasPublishedFiles(out));
    DashboardFixture.write(out);
    assertTrue(DashboardRenderer.hasPublishedFiles(out));
  }

  private static void assertFigure(JsonNode figure, String state, String value, boolean partial) {
    assertEquals(state, figure.path("state").asText(), figure.toString());
    if (value == null) {
      assertTrue(figure.path("value").isMissingNode(), figure.toString());
    } else {
      assertEquals(0, new BigDecimal(value).compareTo(figure.get("value").decimalValue()), figure.toString());
    }
    assertEquals(partial, figure.path("partial").asBoolean(false), figure.toString());
  }

  private static Figure shown(String value) {
    return Figure.shown(new BigDecimal(value));
  }

  private static TreeMap<String, Figure> members(Object... codesAndFigures) {
    TreeMap<String, Figure> m = new TreeMap<>();
    for (int i = 0; i < codesAndFigures.length; i += 2) {
      m.put((String) codesAndFigures[i], (Figure) codesAndFigures[i + 1]);
    }
    return m;
  }

  private static void rewriteWithout(Path file, String column) throws IOException {
    Path copy = file.resolveSibling(".rewrite.parquet");
    try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        java.sql.Statement st = db.createStatement()) {
      st.execute("COPY (SELECT * EXCLUDE (" + column + ") FROM read_parquet('" + file + "')) TO '" + copy
          + "' (FORMAT PARQUET)");
    } catch (java.sql.SQLException e) {
      throw new IOException(e);
    }
    Files.move(copy, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
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
