package se.glappet.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contract section 2.7: DUPLICATE_ROW and CONFLICTING_DUPLICATE among rows sharing a key. */
class DuplicateRuleTest {
  private static final String KEY = "0127\u001FP-1";

  private static ParsedRow row(String file, int line, String canonical) {
    return new ParsedRow(Dataset.INCOME_SUPPORT, file, line, KEY, canonical, "raw " + file + ":" + line);
  }

  private static List<String> origins(List<RejectedRow> rows) {
    List<String> out = new ArrayList<>();
    for (RejectedRow r : rows) {
      out.add(r.file + ":" + r.line);
    }
    out.sort(null);
    return out;
  }

  @Test
  void aSingleRowIsAccepted() {
    ParsedRow only = row("income-support/a.csv", 2, "v");
    DuplicateRule.Decision d = DuplicateRule.decide(List.of(only));
    assertSame(only, d.accepted);
    assertTrue(d.rejected.isEmpty());
  }

  @Test
  void identicalRowsAcceptTheFirstInFileThenLineOrder() {
    ParsedRow bLine2 = row("income-support/b.csv", 2, "v");
    ParsedRow aLine7 = row("income-support/a.csv", 7, "v");
    ParsedRow aLine3 = row("income-support/a.csv", 3, "v");
    DuplicateRule.Decision d = DuplicateRule.decide(List.of(bLine2, aLine7, aLine3));
    assertSame(aLine3, d.accepted);
    assertEquals(List.of("income-support/a.csv:7", "income-support/b.csv:2"), origins(d.rejected));
    for (RejectedRow r : d.rejected) {
      assertEquals(RejectReason.DUPLICATE_ROW, r.reason);
      assertEquals("income-support", r.dataset);
    }
  }

  @Test
  void lineOrderIsNumericNotTextual() {
    ParsedRow line10 = row("income-support/a.csv", 10, "v");
    ParsedRow line9 = row("income-support/a.csv", 9, "v");
    DuplicateRule.Decision d = DuplicateRule.decide(List.of(line10, line9));
    assertSame(line9, d.accepted);
    assertEquals(List.of("income-support/a.csv:10"), origins(d.rejected));
  }

  @Test
  void duplicateRejectKeepsTheRowsOwnLineAndRawLine() {
    DuplicateRule.Decision d = DuplicateRule.decide(List.of(row("income-support/a.csv", 2, "v"),
        row("income-support/a.csv", 5, "v")));
    RejectedRow r = d.rejected.get(0);
    assertEquals(5, r.line);
    assertEquals("raw income-support/a.csv:5", r.rawLine);
  }

  @Test
  void rowsThatAreNotAllIdenticalAreAllConflicting() {
    DuplicateRule.Decision d = DuplicateRule.decide(List.of(row("income-support/a.csv", 2, "v1"),
        row("income-support/a.csv", 3, "v2")));
    assertNull(d.accepted);
    assertEquals(List.of("income-support/a.csv:2", "income-support/a.csv:3"), origins(d.rejected));
    for (RejectedRow r : d.rejected) {
      assertEquals(RejectReason.CONFLICTING_DUPLICATE, r.reason);
    }
  }

  @Test
  void threeRowsWithTwoIdenticalAreAllConflicting() {
    DuplicateRule.Decision d = DuplicateRule.decide(List.of(row("income-support/a.csv", 2, "v1"),
        row("income-support/a.csv", 3, "v1"), row("income-support/b.csv", 2, "v2")));
    assertNull(d.accepted);
    assertEquals(List.of("income-support/a.csv:2", "income-support/a.csv:3", "income-support/b.csv:2"),
        origins(d.rejected));
    for (RejectedRow r : d.rejected) {
      assertEquals(RejectReason.CONFLICTING_DUPLICATE, r.reason);
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
    ParsedRow ra = new ParsedRow(Dataset.INCOME_SUPPORT, "income-support/x.csv", 2, oa.key, oa.canonical, a);
    ParsedRow rb = new ParsedRow(Dataset.INCOME_SUPPORT, "income-support/x.csv", 3, ob.key, ob.canonical, b);
    DuplicateRule.Decision d = DuplicateRule.decide(List.of(rb, ra));
    assertSame(ra, d.accepted);
    assertEquals(RejectReason.DUPLICATE_ROW, d.rejected.get(0).reason);
    assertEquals(3, d.rejected.get(0).line);
  }
}
