package se.glappet.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contract section 2.7: DUPLICATE_ROW and CONFLICTING_DUPLICATE among rows sharing a key. */
class DuplicateRuleTest {
  /** File numbers are indexes in relative-path order: 0 is a.csv, 1 is b.csv. */
  private static final List<String> PATHS = List.of("income-support/a.csv", "income-support/b.csv");

  /** A payment row (key 0127/P-1) whose values differ by amount. */
  private static RowFingerprint row(int file, int line, String amount) {
    RowParser.Outcome o = RowParser.forHeader(Dataset.INCOME_SUPPORT, RowParserTest.IS_HEADER,
        RowParserTest.MUNICIPALITIES).parse(RowParserTest.with(RowParserTest.IS_HEADER, RowParserTest.IS_ROW,
        "amount_sek", amount));
    assertTrue(o.accepted());
    return RowFingerprint.of(file, new ParsedRow(Dataset.INCOME_SUPPORT, PATHS.get(file), line, o.key(),
        o.canonical(), "raw"));
  }

  private static DuplicateRule.Decision decide(RowFingerprint... rows) {
    return DuplicateRule.decide(List.of(rows), PATHS::get);
  }

  private static List<String> origins(List<DuplicateRule.Loser> losers) {
    List<String> out = new ArrayList<>();
    for (DuplicateRule.Loser l : losers) {
      out.add(PATHS.get(l.file) + ":" + l.line);
    }
    out.sort(null);
    return out;
  }

  @Test
  void aSingleRowIsAccepted() {
    RowFingerprint only = row(0, 2, "100");
    DuplicateRule.Decision d = decide(only);
    assertSame(only, d.accepted);
    assertTrue(d.losers.isEmpty());
  }

  @Test
  void identicalRowsAcceptTheFirstInFileThenLineOrder() {
    RowFingerprint bLine2 = row(1, 2, "100");
    RowFingerprint aLine7 = row(0, 7, "100");
    RowFingerprint aLine3 = row(0, 3, "100");
    DuplicateRule.Decision d = decide(bLine2, aLine7, aLine3);
    assertSame(aLine3, d.accepted);
    assertEquals(List.of("income-support/a.csv:7", "income-support/b.csv:2"), origins(d.losers));
    for (DuplicateRule.Loser l : d.losers) {
      assertEquals(RejectReason.DUPLICATE_ROW, l.reason);
      assertEquals("identical to the accepted row at income-support/a.csv line 3", l.message);
    }
  }

  @Test
  void lineOrderIsNumericNotTextual() {
    RowFingerprint line10 = row(0, 10, "100");
    RowFingerprint line9 = row(0, 9, "100");
    DuplicateRule.Decision d = decide(line10, line9);
    assertSame(line9, d.accepted);
    assertEquals(List.of("income-support/a.csv:10"), origins(d.losers));
  }

  @Test
  void rowsThatAreNotAllIdenticalAreAllConflicting() {
    DuplicateRule.Decision d = decide(row(0, 2, "100"), row(0, 3, "200"));
    assertNull(d.accepted);
    assertEquals(List.of("income-support/a.csv:2", "income-support/a.csv:3"), origins(d.losers));
    for (DuplicateRule.Loser l : d.losers) {
      assertEquals(RejectReason.CONFLICTING_DUPLICATE, l.reason);
      assertEquals("2 rows share this key with different values; none is used", l.message);
    }
  }

  @Test
  void threeRowsWithTwoIdenticalAreAllConflicting() {
    DuplicateRule.Decision d = decide(row(0, 2, "100"), row(0, 3, "100"), row(1, 2, "200"));
    assertNull(d.accepted);
    assertEquals(List.of("income-support/a.csv:2", "income-support/a.csv:3", "income-support/b.csv:2"),
        origins(d.losers));
    for (DuplicateRule.Loser l : d.losers) {
      assertEquals(RejectReason.CONFLICTING_DUPLICATE, l.reason);
    }
  }

  @Test
  void rowsIdenticalAfterParsingAreDuplicatesNotConflicts() {
    // Two physical spellings of the same payment: 1 234,50 vs 1234.5, 01 vs 1, pseudonym case.
    String header = RowParserTest.IS_HEADER;
    String a = RowParserTest.with(header, RowParserTest.IS_ROW, "amount_sek", "1 234,50", "adults", "1",
        "household_id", "abcdef0123456789");
    String b = RowParserTest.with(header, RowParserTest.IS_ROW, "amount_sek", "1234.5", "adults", "01",
        "household_id", "ABCDEF0123456789");
    RowParser parser = RowParser.forHeader(Dataset.INCOME_SUPPORT, header, RowParserTest.MUNICIPALITIES);
    RowParser.Outcome oa = parser.parse(a);
    RowParser.Outcome ob = parser.parse(b);
    RowFingerprint ra = RowFingerprint.of(0, new ParsedRow(Dataset.INCOME_SUPPORT, PATHS.get(0), 2, oa.key(), oa.canonical(), a));
    RowFingerprint rb = RowFingerprint.of(0, new ParsedRow(Dataset.INCOME_SUPPORT, PATHS.get(0), 3, ob.key(), ob.canonical(), b));
    DuplicateRule.Decision d = decide(rb, ra);
    assertSame(ra, d.accepted);
    assertEquals(RejectReason.DUPLICATE_ROW, d.losers.get(0).reason);
    assertEquals(3, d.losers.get(0).line);
  }

  @Test
  void theFingerprintCarriesMunicipalityAndPaymentMonth() {
    RowFingerprint f = row(0, 2, "100");
    assertEquals("0127", f.municipality);
    assertEquals(2024 * 12 + 2, f.paymentMonth); // 2024-03-05
    assertFalse(f.sameValuesAs(row(0, 2, "100.01")));
    assertTrue(f.sameValuesAs(row(1, 9, "100.00")));
  }

  @Test
  void rowsWhoseKeysShareOnlyTheShuffleKeyAreDecidedApart() {
    RowFingerprint a = row(0, 2, "100");
    RowFingerprint aAgain = row(1, 5, "100");
    // Another key whose digest shares its first eight bytes with a's: an identical pair of its own.
    RowFingerprint other = new RowFingerprint(a.keyHigh, a.keyLow + 1, 0, 9, 1, 2, "0127", a.paymentMonth);
    RowFingerprint otherAgain = new RowFingerprint(a.keyHigh, a.keyLow + 1, 1, 1, 1, 2, "0127", a.paymentMonth);
    List<DuplicateRule.Decision> ds = DuplicateRule.decideEachKey(List.of(a, other, aAgain, otherAgain), PATHS::get);
    assertEquals(2, ds.size());
    assertSame(a, ds.get(0).accepted);
    assertEquals(List.of("income-support/b.csv:5"), origins(ds.get(0).losers));
    assertSame(other, ds.get(1).accepted);
    assertEquals(List.of("income-support/b.csv:1"), origins(ds.get(1).losers));
  }
}
