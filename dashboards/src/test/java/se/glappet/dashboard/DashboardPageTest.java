package se.glappet.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.stream.Collectors;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard in a real browser: headless Chromium with networking disabled opens the page from
 * {@code file://}, and the test reads the DOM, the charts' options and the browser log.
 *
 * <p>Needs the Debian packages {@code chromium} and {@code chromium-driver} (or GLAPPET_CHROMIUM and
 * GLAPPET_CHROMEDRIVER pointing elsewhere). Without them the test is skipped, except under CI=true
 * where it fails. Screenshots for a person to look at: {@code target/dashboard.png} and
 * {@code target/dashboard-print.png}.
 */
class DashboardPageTest {

  private static final String NBSP = "\u00a0";
  private static final Path CHROMIUM = Path.of(env("GLAPPET_CHROMIUM", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER = Path.of(env("GLAPPET_CHROMEDRIVER", "/usr/bin/chromedriver"));
  private static final Path TARGET = Path.of(System.getProperty("basedir", "."), "target");

  /** Selenium 4.49 knows CDP up to 153; its warning about the newer browser is noise here (no DevTools API is used). */
  private static final java.util.logging.Logger CDP_VERSION_LOG =
      java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  @TempDir static Path tmp;
  private static ChromeDriver driver;
  private static Path page;
  private static Path emptyPage;
  private static Path olderManifestPage;
  private static String skipReason;

  @BeforeAll
  static void buildDashboardsAndStartBrowser() throws IOException {
    CDP_VERSION_LOG.setLevel(Level.SEVERE);
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      String message = "Headless Chromium not found at " + CHROMIUM + " and " + CHROMEDRIVER
          + " (apt-get install -y chromium chromium-driver)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message);
      }
      skipReason = message; // each test then reports itself skipped
      return;
    }
    Path out = Files.createDirectories(tmp.resolve("out"));
    DashboardFixture.write(out);
    page = DashboardRenderer.render(out, DashboardFixture.NAMES, DashboardFixture.KPI_LABELS);
    emptyPage = DashboardRenderer.render(Files.createDirectories(tmp.resolve("empty")), DashboardFixture.NAMES, DashboardFixture.KPI_LABELS);
    Path older = Files.createDirectories(tmp.resolve("older"));
    DashboardFixture.write(older);
    Files.writeString(older.resolve("manifest.json"), DashboardFixture.MANIFEST_WITHOUT_REVISIONS);
    olderManifestPage = DashboardRenderer.render(older, DashboardFixture.NAMES, DashboardFixture.KPI_LABELS);

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + Files.createDirectories(tmp.resolve("profile")),
        // Networking off: every host name fails to resolve and every request goes to a dead proxy.
        "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
        "--lang=sv-SE", "--window-size=1280,1000", "--hide-scrollbars", "--force-device-scale-factor=1");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
    offline.setOffline(true);
    driver.setNetworkConditions(offline);
  }

  @AfterAll
  static void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  @BeforeEach
  void open() {
    Assumptions.assumeTrue(skipReason == null, skipReason);
    load(page);
  }

  @Test
  void loadsOfflineWithoutErrorsOrRequests() {
    assertNoBrowserErrors();
    assertTrue(driver.getCurrentUrl().startsWith("file:"));
    assertEquals(0L, script("return performance.getEntriesByType('resource').length"), "no resource was requested");
    assertEquals("Glappet – nyanlända utan inkomst i Södertörn", driver.getTitle());
    for (String chart : List.of("chart-ts-support", "chart-ts-days", "chart-reasons", "chart-rank", "chart-compare")) {
      Long texts = (Long) script("return document.querySelectorAll('#" + chart + " svg text').length");
      assertTrue(texts > 3, chart + " is drawn as SVG with real text labels");
    }
    assertNoBrowserErrors();
  }

  @Test
  void listsTheKpisWithTheLabelsTheBatchGaveInItsOrder() {
    List<String> shown = new java.util.ArrayList<>();
    for (WebElement o : new Select(driver.findElement(By.id("nat-kpi"))).getOptions()) {
      shown.add((String) script("return arguments[0].textContent", o));
    }
    assertEquals(DashboardFixture.KPI_LABELS.stream().map(KpiLabel::label).collect(Collectors.toList()), shown);
    assertEquals(DashboardFixture.KPI_LABELS.get(0).label(), text("#riket [data-fill='kpi']"));
    assertNoBrowserErrors();
  }

  @Test
  void showsSwedishLabelsAndFigures() {
    String body = text("body");
    for (String label : List.of("Nyckeltal mars 2024", "Personer i glappet", "Mediantid i glappet, dagar",
        "Försörjningsstöd i glappet", "Återsökningsbart", "Öppna glapp vid månadens slut",
        "jämfört med februari 2024", "Utveckling över tid", "Södertörn totalt", "Varför?",
        "Väntar på etableringsplan", "Väntar på första utbetalning", "Etableringsersättning under norm",
        "Utanför etableringsuppdraget", "Anhörig utan egen plan", "Nedsatt eller indragen ersättning",
        "Etableringstiden avslutad", "Sekundärflytt", "Södertörn jämfört med riket", "Riksmedian",
        "Definitioner och källor", "färre än fem, visas inte", "januari 2024 – mars 2024",
        "31 mars 2024", DashboardFixture.RUN_ID, "Visa som tabell", "Stockholms län")) {
      assertTrue(body.contains(label), "page shows: " + label);
    }
    for (String code : DashboardData.SODERTORN) {
      assertEquals(DashboardFixture.NAMES.get(code), text("#key-table tbody tr:nth-child(" + (row(code) + 1) + ") th"));
    }

    assertEquals("1" + NBSP + "234", cell("0127", "persons_in_gap"));
    assertEquals("+34", cell("0127", "persons_in_gap-change"));
    assertEquals("1" + NBSP + "234" + NBSP + "568", cell("0127", "gap_support_sek"));
    assertEquals("–", cell("0138", "median_cash_gap_days"), "no gap closed: nothing to report, not hidden");
    assertEquals("–", cell("0138", "median_cash_gap_days-change"));

    // Södertörn totals: only published members, marked * when one is hidden; no change across different members.
    long persons = DashboardData.SODERTORN.stream()
        .map(c -> DashboardFixture.personsInGap(c, "2024-03")).filter(Objects::nonNull).mapToLong(Long::longValue).sum();
    assertEquals(GapFormat.integer(persons) + "*", cell("SODERTORN", "persons_in_gap"));
    assertEquals("..", cell("SODERTORN", "persons_in_gap-change"));
    // Haninge did not report March: its gap support is left out of the total, which is marked *.
    BigDecimal support = DashboardData.SODERTORN.stream()
        .map(c -> DashboardFixture.gapSupport(c, "2024-03")).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertEquals(new BigDecimal("2887900.95"), support);
    assertEquals("2" + NBSP + "887" + NBSP + "901" + NBSP + "kr*", text("#cards .value[data-field='gap_support_sek']"));
    long open = DashboardData.SODERTORN.stream().mapToLong(c -> DashboardFixture.openGaps(c, "2024-03")).sum();
    assertEquals(GapFormat.integer(open), text("#cards .value[data-field='open_gaps_at_month_end']"));
    assertEquals("+8", text("#cards [data-field='open_gaps_at_month_end-change']"));
    assertNoBrowserErrors();
  }

  @Test
  void suppressedCellsShowTwoDotsAndAreNeverDrawn() {
    assertEquals("..", cell("0128", "persons_in_gap"));
    assertEquals("..", cell("0128", "persons_in_gap-change"));
    assertEquals("..", cell("0128", "recoverable_sek"));
    assertTrue(text("#legend").contains(".. färre än fem, visas inte"));

    // Time series: Nynäshamn's gap support of February is hidden.
    new Select(driver.findElement(By.id("ts-muni"))).selectByValue("0192");
    assertEquals("..", text("#table-ts-support td[data-code='0192'][data-period='2024-02']"));
    assertTrue(text("#table-ts-support td[data-code='SODERTORN'][data-period='2024-02']").endsWith("*"));
    assertNull(script("return echarts.getInstanceByDom(document.getElementById('chart-ts-support'))"
        + ".getOption().series[0].data[1].value"), "a hidden month is not drawn");
    assertTrue(((Number) script("return echarts.getInstanceByDom(document.getElementById('chart-ts-support'))"
        + ".getOption().series[0].data[2].value")).doubleValue() > 0);
    assertEquals(1L, script("return Array.from(document.querySelectorAll('#chart-ts-support svg text'))"
        + ".filter(t => t.textContent === '..').length"), "the hidden month is marked .. in the chart");

    // Reasons: Salem's secondary move is hidden, and family reunion with it; a reason without payments is 0.
    new Select(driver.findElement(By.id("reason-area"))).selectByValue("0128");
    assertEquals("..", text("#table-reasons td[data-reason='SECONDARY_MOVE'][data-field='persons']"));
    assertEquals("..", text("#table-reasons td[data-reason='FAMILY_REUNION'][data-field='gap_support_sek']"));
    assertEquals("0", text("#table-reasons td[data-reason='OUTSIDE_TARGET_GROUP'][data-field='gap_support_sek']"));
    assertEquals("12" + NBSP + "001", text("#table-reasons td[data-reason='BELOW_NORM'][data-field='gap_support_sek']"));
    assertNull(script("return echarts.getInstanceByDom(document.getElementById('chart-reasons'))"
        + ".getOption().series[0].data[7].value"));

    // National comparison: Salem's gap support per newcomer is hidden, not ranked, not drawn.
    assertEquals("..", text("#table-compare td[data-code='0128']"));
    assertEquals("..", text("#table-rank td[data-code='0128']"));
    @SuppressWarnings("unchecked")
    List<String> ranked = (List<String>) script("return echarts.getInstanceByDom(document.getElementById('chart-rank'))"
        + ".getOption().xAxis[0].data");
    assertEquals(10, ranked.size(), "13 less Salem (hidden), Haninge and Uppsala (not reporting)");
    assertFalse(ranked.contains("0128"));
    assertTrue(text("#riket").contains("1 kommun visas inte"));
    assertNoBrowserErrors();
  }

  @Test
  void nonReportingMunicipalityShowsADashAndIsNeitherDrawnNorRanked() {
    // Key figures, March: Haninge's payment-based figures are unknown, its persons in the gap are not.
    assertEquals("–", cell("0136", "gap_support_sek"));
    assertEquals("not-reported", attribute("#key-table td[data-code='0136'][data-field='gap_support_sek']", "data-state"));
    assertEquals("–", cell("0136", "gap_support_sek-change"));
    assertEquals("–", cell("0136", "recoverable_sek"));
    assertEquals("69", cell("0136", "persons_in_gap"));
    assertTrue(text("#legend").contains("– uppgift saknas"), "legend for –");
    assertTrue(text("#legend").contains(".. färre än fem, visas inte"), "legend for .. beside it");
    assertTrue(text("#nonresponse-key").contains("Haninge har inte rapporterat försörjningsstöd"), text("#nonresponse-key"));

    // Time series: March is a gap in Haninge's bars, marked – in the chart and the table.
    new Select(driver.findElement(By.id("ts-muni"))).selectByValue("0136");
    assertEquals("–", text("#table-ts-support td[data-code='0136'][data-period='2024-03']"));
    assertNull(script("return echarts.getInstanceByDom(document.getElementById('chart-ts-support'))"
        + ".getOption().series[0].data[2].value"), "a month not reported is not drawn as 0");
    assertEquals(1L, script("return Array.from(document.querySelectorAll('#chart-ts-support svg text'))"
        + ".filter(t => t.textContent === '–').length"), "the unreported month is marked – in the chart");
    assertTrue(text("#table-ts-support td[data-code='SODERTORN'][data-period='2024-03']").endsWith("*"));

    // Varför?: every reason of Haninge in March is unknown, none drawn.
    new Select(driver.findElement(By.id("reason-area"))).selectByValue("0136");
    for (String reason : List.of("WAITING_PLAN", "OUTSIDE_TARGET_GROUP")) {
      assertEquals("–", text("#table-reasons td[data-reason='" + reason + "'][data-field='gap_support_sek']"));
    }
    assertEquals(0L, script("return echarts.getInstanceByDom(document.getElementById('chart-reasons'))"
        + ".getOption().series[0].data.filter(d => d.value !== null).length"));

    // National comparison: no value, no rank, not in the ranking chart; the note says why.
    @SuppressWarnings("unchecked")
    List<String> ranked = (List<String>) script("return echarts.getInstanceByDom(document.getElementById('chart-rank'))"
        + ".getOption().xAxis[0].data");
    assertFalse(ranked.contains("0136"));
    assertFalse(ranked.contains("0380"));
    assertEquals("–", text("#table-rank td[data-code='0136']"));
    assertEquals("–", text("#table-rank td[data-code='0380']"));
    assertEquals("–", text("#table-compare td[data-code='0136']"));
    assertTrue(text("#riket").contains("2 kommuner har inte rapporterat försörjningsstöd för månaden"), text("#riket"));
    // The median of the gap does not rest on payments: Haninge keeps its rank there.
    new Select(driver.findElement(By.id("nat-kpi"))).selectByValue("MEDIAN_CASH_GAP_DAYS");
    assertTrue(text("#table-compare").contains("av 13"));
    assertNoBrowserErrors();
  }

  @Test
  void sodertornTotalsShowTwoDotsWhenTheyRestOnZerosAndHiddenMembers() {
    // Varför?, Södertörn, March: OUTSIDE_TARGET_GROUP is zeros, Tyresö hidden and Haninge not reporting.
    assertEquals("..", text("#table-reasons td[data-reason='OUTSIDE_TARGET_GROUP'][data-field='gap_support_sek']"));
    assertEquals("..", text("#table-reasons td[data-reason='ALLOWANCE_REDUCED'][data-field='gap_support_sek']"));
    assertEquals("93" + NBSP + "000*", text("#table-reasons td[data-reason='FAMILY_REUNION'][data-field='gap_support_sek']"));
    assertNull(script("return echarts.getInstanceByDom(document.getElementById('chart-reasons'))"
        + ".getOption().series[0].data[3].value"), "a .. total is not drawn");
    assertFalse(text("#chart-reasons").contains("0 kr *"), "no total reads as nothing paid");
    // February: everyone reported, nobody had ALLOWANCE_REDUCED: a real 0 without mark.
    new Select(driver.findElement(By.id("reason-period"))).selectByValue("2024-02");
    assertEquals("0", text("#table-reasons td[data-reason='ALLOWANCE_REDUCED'][data-field='gap_support_sek']"));
    assertEquals("124" + NBSP + "000", text("#table-reasons td[data-reason='FAMILY_REUNION'][data-field='gap_support_sek']"));
    assertTrue(text("#legend").contains("* summan omfattar bara kommuner vars värde visas"));
    assertNoBrowserErrors();
  }

  @Test
  void saysForEachMonthWhetherThisRunRevisedIt() {
    assertEquals("mars 2024: Inte reviderad i denna körning.", text("#rev-key"));
    new Select(driver.findElement(By.id("reason-period"))).selectByValue("2024-02");
    assertEquals("februari 2024: Reviderad i denna körning: 14 uppgifter ändrade.", text("#rev-reasons"));
    new Select(driver.findElement(By.id("nat-period"))).selectByValue("2024-01");
    assertEquals("januari 2024: Inte reviderad i denna körning (publicerad av en tidigare körning).", text("#rev-national"));

    assertEquals("Reviderad i denna körning: 14 uppgifter ändrade",
        text("#table-revisions tr[data-period='2024-02'] td[data-field='revision']"));
    assertEquals("Inte reviderad i denna körning", text("#table-revisions tr[data-period='2024-03'] td[data-field='revision']"));
    assertEquals("Inte reviderad i denna körning (publicerad av en tidigare körning)",
        text("#table-revisions tr[data-period='2024-01'] td[data-field='revision']"));
    assertTrue(text("#table-revisions tr[data-period='2024-02']").contains("gap_monthly 11, national_comparison 3"));
    assertTrue(text("#revideringar").contains(DashboardFixture.PREVIOUS_RUN_ID));
    assertNoBrowserErrors();
  }

  @Test
  void saysWhenTheManifestDoesNotTellRevisions() {
    load(olderManifestPage);
    assertEquals("mars 2024: Okänt om månaden har reviderats (körningen loggade inga revideringar).", text("#rev-key"));
    assertNoBrowserErrors();
  }

  @Test
  void meetsWcag21AaWithAxe() {
    assertNoAxeViolations("as opened");
    // Every table open, as printed or read by a keyboard user: axe checks them too.
    script("document.querySelectorAll('details').forEach(d => { d.open = true; })");
    assertNoAxeViolations("tables open");
    new Select(driver.findElement(By.id("reason-area"))).selectByValue("0136");
    new Select(driver.findElement(By.id("nat-kpi"))).selectByValue("RECOVERABLE_SHARE");
    assertNoAxeViolations("a non-reporting municipality chosen");
    load(emptyPage);
    assertNoAxeViolations("empty output");

    // The check can fail: a select without a label is found.
    load(page);
    script("document.querySelector('main').appendChild(document.createElement('select'))");
    Results planted = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
    assertEquals(List.of("select-name"), planted.getViolations().stream().map(r -> r.getId()).toList());
  }

  @Test
  void everyChartHasATableWithTheSameFigures() {
    // Each chart sits in a figure with a table view; the table of the reasons chart holds the drawn values.
    for (String chart : List.of("chart-ts-support", "chart-ts-days", "chart-reasons", "chart-rank", "chart-compare")) {
      assertEquals(1L, script("return document.getElementById('" + chart + "').closest('figure')"
          + ".querySelectorAll('details table.data tbody tr').length > 0 ? 1 : 0"), chart + " has a table");
    }
    @SuppressWarnings("unchecked")
    List<Object> drawn = (List<Object>) script("return echarts.getInstanceByDom(document.getElementById('chart-reasons'))"
        + ".getOption().series[0].data.map(d => d.value)");
    @SuppressWarnings("unchecked")
    List<String> cells = (List<String>) script("return Array.from(document.querySelectorAll("
        + "'#table-reasons td[data-field=gap_support_sek]')).map(td => td.textContent)");
    assertEquals(drawn.size(), cells.size());
    for (int i = 0; i < drawn.size(); i++) {
      String cell = cells.get(i).replace("*", "");
      if (drawn.get(i) == null) {
        assertTrue(cell.equals("..") || cell.equals("–"), "not drawn, so not a number in the table: " + cell);
      } else {
        assertEquals(GapFormat.integer(Math.round(((Number) drawn.get(i)).doubleValue())), cell);
      }
    }
  }

  @Test
  void worksFromTheKeyboard() {
    // Tab reaches every control in order, and a choice made with the arrow keys redraws.
    List<String> reached = new ArrayList<>();
    load(page); // focus navigation starts at the top of a freshly opened page
    for (int i = 0; i < 60; i++) {
      new org.openqa.selenium.interactions.Actions(driver).sendKeys(org.openqa.selenium.Keys.TAB).perform();
      String id = (String) script("const a = document.activeElement; return a.id || a.tagName.toLowerCase()"
          + " + (a.getAttribute('href') || '')");
      if (id.equals("body")) {
        break; // past the last focusable element
      }
      reached.add(id);
      assertNotEquals("none", script("return getComputedStyle(document.activeElement).outlineStyle"),
          "focus is visible on " + id);
    }
    for (String control : List.of("print", "ts-muni", "reason-area", "reason-period", "nat-kpi", "nat-period")) {
      assertTrue(reached.contains(control), control + " reached by Tab: " + reached);
    }
    assertTrue(reached.indexOf("ts-muni") < reached.indexOf("reason-area")
        && reached.indexOf("reason-area") < reached.indexOf("nat-kpi"), "in reading order: " + reached);
    assertTrue(reached.contains("summary"), "table views open from the keyboard");

    WebElement muni = driver.findElement(By.id("ts-muni"));
    String before = text("#table-ts-support thead");
    muni.sendKeys(org.openqa.selenium.Keys.ARROW_DOWN);
    assertNotEquals(before, text("#table-ts-support thead"), "arrow key changes the municipality and redraws");

    WebElement summary = driver.findElement(By.cssSelector("#utveckling details summary"));
    script("arguments[0].focus()", summary);
    summary.sendKeys(org.openqa.selenium.Keys.ENTER);
    assertEquals(Boolean.TRUE, script("return arguments[0].parentElement.open", summary), "Enter opens the table");
    assertNoBrowserErrors();
  }

  @Test
  void nationalViewRanksEveryMunicipalityAgainstTheMedian() {
    new Select(driver.findElement(By.id("nat-kpi"))).selectByValue("RECOVERABLE_SHARE");
    String chart = text("#chart-rank");
    assertTrue(chart.contains("Riksmedian"), "median marked in the chart");
    for (String code : DashboardData.SODERTORN) {
      // Haninge did not report March, so it has no share to rank.
      assertEquals(!code.equals("0136"), chart.contains(DashboardFixture.NAMES.get(code)),
          "the eight are labelled in the chart when ranked: " + code);
    }
    assertFalse(chart.contains("Malmö"), "others are not labelled");
    assertEquals("–", text("#table-rank td[data-code='1280']"), "no value is not the same as hidden");
    String botkyrka = text("#table-compare td[data-code='0127']");
    assertTrue(botkyrka.matches("\\d+,\\d" + NBSP + "%"), botkyrka);
    assertTrue(text("#table-compare").contains("av 10"), "Malmö without value, Haninge and Uppsala not reporting");
    assertTrue(text("#table-compare").contains("Stockholms län"));
    assertTrue(text("#table-compare").contains("Riket"));
    assertNoBrowserErrors();
  }

  @Test
  void formatsNumbersTheSwedishWay() {
    Map<String, Object> cases = Map.ofEntries(
        Map.entry("number(1234.5, 1)", "1" + NBSP + "234,5"),
        Map.entry("number(-1234567.891, 2)", "\u22121" + NBSP + "234" + NBSP + "567,89"),
        Map.entry("number(999.5, 0)", "1" + NBSP + "000"),
        Map.entry("number(2.5, 0)", "3"),
        Map.entry("number(-2.5, 0)", "\u22123"),
        Map.entry("number(-0.004, 2)", "0,00"),
        Map.entry("number(0, 0)", "0"),
        Map.entry("String(number(null, 0))", "null"),
        Map.entry("trimmed(45, 1)", "45"),
        Map.entry("trimmed(45.25, 1)", "45,3"),
        Map.entry("trimmed(1000.04, 1)", "1" + NBSP + "000"),
        Map.entry("kr(1234567.89)", "1" + NBSP + "234" + NBSP + "568" + NBSP + "kr"),
        Map.entry("percent(0.1234)", "12,3" + NBSP + "%"),
        Map.entry("signed(34, F.integer)", "+34"),
        Map.entry("signed(-1234, F.integer)", "\u22121" + NBSP + "234"),
        Map.entry("signed(0.2, F.integer)", "\u00b10"),
        Map.entry("signed(-2.5, v => F.trimmed(v, 1))", "\u22122,5"),
        Map.entry("krAxis(3500000)(1500000)", "1,5" + NBSP + "mnkr"),
        Map.entry("krAxis(3500000)(0)", "0"),
        Map.entry("krAxis(600000)(250000)", "250" + NBSP + "tkr"),
        Map.entry("krAxis(9000)(900)", "900" + NBSP + "kr"),
        Map.entry("period('2024-03')", "mars 2024"),
        Map.entry("periodShort('2024-12')", "dec 2024"),
        Map.entry("date('2024-04-01')", "1 april 2024"),
        Map.entry("dayBefore('2024-03-01')", "2024-02-29"),
        Map.entry("previousMonth('2024-01')", "2023-12"),
        Map.entry("lastDay('2024-02')", "2024-02-29"));
    List<String> wrong = new ArrayList<>();
    cases.forEach((call, expected) -> {
      Object actual = script("const F = window.GlappetFormat; with (F) { return " + call + "; }");
      if (!expected.equals(actual)) {
        wrong.add(call + " gave [" + actual + "], expected [" + expected + "]");
      }
    });
    assertEquals(List.of(), wrong);
  }

  @Test
  void emptyOutputStillOpens() {
    load(emptyPage);
    assertTrue(driver.findElement(By.id("no-data")).isDisplayed());
    assertTrue(driver.findElement(By.id("no-national")).isDisplayed());
    assertTrue(text("body").contains("uppgift saknas"));
    assertNoBrowserErrors();
  }

  @Test
  void writesScreenshotsForAPerson() throws IOException {
    Files.createDirectories(TARGET);
    Dimension size = driver.manage().window().getSize();
    // Show a month whose value is hidden, as the time series' .. mark is part of what to look at.
    new Select(driver.findElement(By.id("ts-muni"))).selectByValue("0192");
    try {
      long height = (Long) script("return document.documentElement.scrollHeight");
      driver.manage().window().setSize(new Dimension(1280, (int) height + 20));
      Files.write(TARGET.resolve("dashboard.png"), driver.getScreenshotAs(OutputType.BYTES));

      // A4 portrait less the page margins is about 700 CSS pixels wide.
      driver.manage().window().setSize(new Dimension(700, 1000));
      driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
      long printHeight = (Long) script("return document.documentElement.scrollHeight");
      driver.manage().window().setSize(new Dimension(700, (int) printHeight + 20));
      Files.write(TARGET.resolve("dashboard-print.png"), driver.getScreenshotAs(OutputType.BYTES));
      assertEquals(0L, script("return document.querySelectorAll('details:not(.no-print):not([open])').length"),
          "tables open for print");
      driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
      Map<String, Object> pdf = driver.executeCdpCommand("Page.printToPDF", Map.of("printBackground", true));
      Files.write(TARGET.resolve("dashboard.pdf"), Base64.getDecoder().decode((String) pdf.get("data")));
    } finally {
      driver.manage().window().setSize(size);
    }
    assertTrue(Files.size(TARGET.resolve("dashboard.png")) > 10_000);
    assertNoBrowserErrors();
  }

  // ---------------------------------------------------------------- helpers

  private static void load(Path file) {
    driver.manage().logs().get(LogType.BROWSER); // each page starts with an empty log
    driver.get(file.toUri().toString());
    assertEquals("complete", script("return document.readyState"));
  }

  /** axe-core (injected by the test only) with the WCAG 2.0/2.1 A and AA rules: no violation. */
  private static void assertNoAxeViolations(String when) {
    Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
    assertFalse(results.isErrored(), "axe ran: " + results.getErrorMessage());
    assertTrue(results.getPasses().size() > 10, "axe checked something");
    String violations = results.getViolations().stream()
        .map(r -> r.getId() + ": " + r.getHelp() + " " + r.getNodes().stream()
            .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
        .collect(Collectors.joining("\n"));
    assertEquals("", violations, "axe violations (" + when + ")");
  }

  private static String attribute(String css, String name) {
    return driver.findElement(By.cssSelector(css)).getAttribute(name);
  }

  private static void assertNoBrowserErrors() {
    List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
    assertEquals("", errors.stream().map(LogEntry::getMessage).collect(Collectors.joining("\n")), "browser log");
  }

  private static Object script(String js, Object... args) {
    return driver.executeScript(js, args);
  }

  /** textContent, which keeps no-break spaces (getText() turns them into spaces). */
  private static String text(String css) {
    WebElement element = driver.findElement(By.cssSelector(css));
    return (String) driver.executeScript("return arguments[0].textContent", element);
  }

  private static String cell(String code, String field) {
    return text("#key-table [data-code='" + code + "'][data-field='" + field + "']");
  }

  private static int row(String code) {
    List<String> sorted = DashboardData.SODERTORN.stream().map(DashboardFixture.NAMES::get)
        .sorted(java.text.Collator.getInstance(new java.util.Locale("sv", "SE"))).toList();
    return sorted.indexOf(DashboardFixture.NAMES.get(code));
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  /** The expected Swedish text of whole numbers, written independently of the page's formatter. */
  private static final class GapFormat {
    static String integer(long n) {
      String digits = Long.toString(Math.abs(n));
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < digits.length(); i++) {
        if (i > 0 && (digits.length() - i) % 3 == 0) {
          out.append(NBSP);
        }
        out.append(digits.charAt(i));
      }
      return (n < 0 ? "\u2212" : "") + out;
    }
  }
}
