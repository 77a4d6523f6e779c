package se.glappet.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator's plain rules: amounts, days, weights, pseudonyms, the dialect writer, options. */
class PlainRulesTest {
  @Test
  void amountsAreWrittenTheWayEachDialectShowsThem() {
    assertEquals("1 234,50", AmountFormat.toText(123_450, ',', ' ', '-', true));
    assertEquals("1\u00A0000\u00A0000,00", AmountFormat.toText(100_000_000, ',', '\u00A0', '-', true));
    assertEquals("\u221275,00", AmountFormat.toText(-7_500, ',', ' ', '\u2212', true));
    assertEquals("1234.5", AmountFormat.toText(123_450, '.', (char) 0, '-', false));
    assertEquals("61", AmountFormat.toText(6_100, '.', (char) 0, '-', false));
    assertEquals("0.07", AmountFormat.toText(7, '.', (char) 0, '-', false));
    assertEquals("999,99", AmountFormat.toText(99_999, ',', ' ', '-', true));
    for (long ore : new long[] {1, 99, 100, 123_456, -987_654_321L}) {
      assertEquals(ore, ContractCsv.amountOre(AmountFormat.toText(ore, ',', ' ', '\u2212', true)));
      assertEquals(ore, ContractCsv.amountOre(AmountFormat.toText(ore, '.', (char) 0, '-', false)));
    }
  }

  @Test
  void daysKnowMonthsAndWeekdays() {
    int saturday = Days.of(2011, 1, 1);
    assertEquals(5, Days.dayOfWeek(saturday));
    assertEquals(Days.of(2011, 1, 3), Days.weekdayOnOrAfter(saturday));
    assertEquals(Days.of(2010, 12, 31), Days.weekdayOnOrBefore(saturday));
    assertEquals(Days.of(2011, 1, 4), Days.weekdayOnOrAfter(Days.of(2011, 1, 4)));
    int feb2012 = Days.parseMonth("2012-02");
    assertEquals(29, Days.lengthOfMonth(feb2012));
    assertEquals("2012-02-29", Days.text(Days.lastDay(feb2012)));
    assertEquals("2012-02", Days.monthText(feb2012));
    assertEquals(feb2012, Days.monthOf(Days.of(2012, 2, 15)));
    for (String bad : new String[] {"2011-13", "2011-00", "2011-1", "11-2011", "2011/01", "2011-01-01"}) {
      assertThrows(IllegalArgumentException.class, () -> Days.parseMonth(bad), bad);
    }
    assertEquals("2011-13-15", Dirt.badMonth(Days.of(2011, 3, 15)));
    assertEquals("2011-03-32", Dirt.badDay(Days.of(2011, 3, 15)));
  }

  @Test
  void firstEstablishmentPaymentIsAWeekday5To70DaysAfterTheStart() {
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 5_000; i++) {
      int start = Days.of(2010, 12, 1) + r.nextInt(800);
      int paid = Newcomers.firstPayment(r, start);
      assertTrue(paid - start >= 5 && paid - start <= 70, "after " + (paid - start) + " days");
      assertTrue(Days.isWeekday(paid));
    }
  }

  @Test
  void municipalitiesAreWeightedBySize() throws IOException {
    List<Municipality> all = Municipality.loadReference();
    assertEquals(290, all.size());
    MunicipalityWeights w = new MunicipalityWeights(all);
    long sweden = w.totalPopulation(2010);
    assertTrue(sweden > 9_200_000 && sweden < 9_600_000, "Sweden " + sweden);
    assertEquals(15_581, w.population("0128", 2010));
    assertEquals(86_246, w.population("0181", 2010));
    assertEquals(847_073, w.population("0180", 2010));
    assertTrue(w.population("0181", 2011) > w.population("0181", 2010));
    double newcomers = 0;
    double support = 0;
    for (Municipality m : all) {
      long p = w.population(m.code, 2010);
      assertTrue(p >= 2_500 && p <= 900_000, m + " " + p);
      newcomers += w.newcomerShare(m.code);
      support += w.supportShare(m.code);
    }
    assertEquals(1.0, newcomers, 1e-9);
    assertEquals(1.0, support, 1e-9);
    assertTrue(w.supportShare("0180") > 10 * w.supportShare("0128"));
  }

  @Test
  void pseudonymsAre64HexDigitsAndFollowTheSeed() {
    String a = Seeds.pseudonym(Seeds.rng(1, 127, 1));
    assertTrue(a.matches("[0-9a-f]{64}"), a);
    assertEquals(a, Seeds.pseudonym(Seeds.rng(1, 127, 1)));
    assertTrue(!a.equals(Seeds.pseudonym(Seeds.rng(2, 127, 1))));
    assertTrue(Seeds.derive(1, 127, 1) != Seeds.derive(1, 1, 127));
  }

  @Test
  void writerQuotesOnlyWhenNeededAndReadsBack(@TempDir Path dir) throws IOException {
    for (Dialect d : Dialect.values()) {
      FileStyle style = new FileStyle(d, ' ', '-', true, FileStyle.HeaderCase.TITLE, true, 2);
      Path file = dir.resolve(d + ".csv");
      try (CsvFileWriter w = new CsvFileWriter(file, style, Dataset.KIS, Dataset.KIS.order(d), true)) {
        w.text(0, "0181");
        w.text(1, "2011-03");
        w.text(2, "QUOTA");
        w.integer(3, 12);
        w.integer(4, 3);
        w.integer(5, 4);
        w.integer(6, 5);
        w.text(7, "Södertälje; \"preliminär\", rapport");
        w.writeRow();
      }
      ContractCsv c = ContractCsv.read(file);
      assertEquals(d.byteOrderMark, c.byteOrderMark);
      assertEquals(d == Dialect.WINDOWS_1252 ? "windows-1252" : "UTF-8", c.encoding);
      assertEquals(d.separator, c.separator);
      Map<String, String> row = c.rows.get(0);
      assertEquals("0181", row.get("municipality_code"));
      assertEquals("12", row.get("newcomers_received"));
      assertEquals("Södertälje; \"preliminär\", rapport", row.get("anmärkning"));
      assertEquals(8, c.header.size());
      assertTrue(c.rawRows.get(0).startsWith(d == Dialect.EXCEL_BOM ? "2011-03;0181" : "0181"));
    }
  }

  @Test
  void optionsTakeBothFormsAndDefaults() throws UsageException {
    GenerateOptions a = GenerateOptions.parse(new String[] {"--output", "x", "--from", "2011-01", "--to", "2011-02"});
    assertEquals(1, a.seed);
    assertEquals(1.0, a.scale);
    assertTrue(!a.allMunicipalities && !a.clean);
    GenerateOptions b = GenerateOptions.parse(
        new String[] {"--output=x", "--from=2011-01", "--to=2011-02", "--seed=-7", "--scale=0.001",
            "--municipalities=ALL", "--clean"});
    assertEquals(-7, b.seed);
    assertEquals(0.001, b.scale);
    assertTrue(b.allMunicipalities && b.clean);
    assertEquals(a.fromMonth, b.fromMonth);
    assertEquals(a.toMonth, b.toMonth);
    assertEquals(-7, GenerateOptions.parse(new String[] {"--output", "x", "--from", "2011-01", "--to", "2011-02",
        "--seed", "-7"}).seed);
    assertThrows(UsageException.class,
        () -> GenerateOptions.parse(new String[] {"--output", "x", "--from", "2011-01", "--to", "2011-02",
            "--scale", "4.5"}));
    assertThrows(UsageException.class,
        () -> GenerateOptions.parse(new String[] {"--output", "x", "--from", "2011-01", "--to", "2011-02",
            "--clean=yes"}));
  }
}
