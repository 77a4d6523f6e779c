package se.glappet.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.glappet.ingest.RowParserTest.IS_HEADER;
import static se.glappet.ingest.RowParserTest.IS_ROW;
import static se.glappet.ingest.RowParserTest.MUNICIPALITIES;
import static se.glappet.ingest.RowParserTest.POP_HEADER;
import static se.glappet.ingest.RowParserTest.POP_ROW;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contract sections 2.1 and 2.7 at file level: lines, skipping, header, line numbers, masking. */
class FileParserTest {

  /** Everything one file produced. */
  static final class Parsed implements FileParser.Sink {
    final List<ParsedRow> accepted = new ArrayList<>();
    final List<RejectedRow> rejected = new ArrayList<>();
    FileInfo info;

    @Override
    public void accepted(ParsedRow row) {
      accepted.add(row);
    }

    @Override
    public void rejected(RejectedRow row) {
      rejected.add(row);
    }

    List<Integer> acceptedLines() {
      List<Integer> out = new ArrayList<>();
      accepted.forEach(r -> out.add(r.line));
      return out;
    }

    List<Integer> rejectedLines() {
      List<Integer> out = new ArrayList<>();
      rejected.forEach(r -> out.add(r.line));
      return out;
    }
  }

  static Parsed parse(Dataset dataset, String path, byte[] bytes) {
    Parsed p = new Parsed();
    p.info = FileParser.parse(dataset, path, bytes, MUNICIPALITIES, p);
    assertEquals(p.info.rowsRead, p.accepted.size() + p.rejected.size(), "rows read = accepted + rejected");
    return p;
  }

  static Parsed parse(Dataset dataset, String text) {
    return parse(dataset, dataset.folder + "/test.csv", text.getBytes(StandardCharsets.UTF_8));
  }

  static String payment(String... columnValuePairs) {
    return RowParserTest.with(IS_HEADER, IS_ROW, columnValuePairs);
  }

  // --- empty files ----------------------------------------------------------------------

  @Test
  void emptyFileContributesNothing() {
    Parsed p = parse(Dataset.INCOME_SUPPORT, "");
    assertEquals(0, p.info.rowsRead);
    assertTrue(p.accepted.isEmpty() && p.rejected.isEmpty());
  }

  @Test
  void fileOfOnlyBlankAndSeparatorLinesContributesNothing() {
    Parsed p = parse(Dataset.INCOME_SUPPORT, "\n;;;;\r\n \t\n,,\n");
    assertEquals(0, p.info.rowsRead);
    assertTrue(p.accepted.isEmpty() && p.rejected.isEmpty());
  }

  @Test
  void headerOnlyFileContributesNothing() {
    assertEquals(0, parse(Dataset.INCOME_SUPPORT, IS_HEADER + "\r\n").info.rowsRead);
    assertEquals(0, parse(Dataset.INCOME_SUPPORT, IS_HEADER).info.rowsRead);
    assertEquals(0, parse(Dataset.INCOME_SUPPORT, "\n" + IS_HEADER + "\n;;;\n\n").info.rowsRead);
  }

  @Test
  void headerOnlyFileLackingAColumnContributesNothing() {
    Parsed p = parse(Dataset.POPULATION, "municipality_code;year\n");
    assertEquals(0, p.info.rowsRead);
    assertTrue(p.rejected.isEmpty());
  }

  // --- lines ----------------------------------------------------------------------------

  @Test
  void skippedLinesAreNotCountedButLineNumbersArePhysical() {
    String text = "\n" // 1 blank
        + " ; ,\t\n" // 2 skipped
        + IS_HEADER + "\n" // 3 header
        + payment("payment_id", "A") + "\n" // 4 accepted
        + "\n" // 5 blank
        + ";;;;;;;;;;\n" // 6 skipped
        + payment("payment_id", "B", "adults", "3") + "\n" // 7 rejected
        + "   \n" // 8 blank
        + payment("payment_id", "C") + "\n"; // 9 accepted
    Parsed p = parse(Dataset.INCOME_SUPPORT, text);
    assertEquals(3, p.info.rowsRead);
    assertEquals(List.of(4, 9), p.acceptedLines());
    assertEquals(List.of(7), p.rejectedLines());
    assertEquals(RejectReason.BAD_VALUE, p.rejected.get(0).reason);
    assertEquals("adults", p.rejected.get(0).column);
  }

  /**
   * FileParser first tries to read each line in one pass (RowParser.parseCommonLine), which looks
   * for the header's number of separators before it knows where the line ends. A short line must
   * not run into the next, a line with more fields or a quote must be read as before, and the
   * reading must go on in one pass after such a line.
   */
  @Test
  void linesTheOnePassReadingDoesNotTakeAreReadAsBefore() {
    String full = payment("payment_id", "A");
    String shortLine = full.substring(0, full.lastIndexOf(';', full.lastIndexOf(';') - 1)); // two fields fewer
    String text = IS_HEADER + "\n" // 1 header
        + full + "\n" // 2 accepted in one pass
        + shortLine + "\n" // 3 MALFORMED_ROW, not the next line's fields
        + payment("payment_id", "B") + "\n" // 4 accepted
        + payment("payment_id", "C") + ";\n" // 5 accepted: an empty field more than the header
        + payment("payment_id", "D") + ";x\n" // 6 MALFORMED_ROW: a field more than the header
        + payment("payment_id", "\"E\"") + "\n" // 7 accepted: a quoted value
        + payment("payment_id", "F") + "\r\n" // 8 accepted
        + payment("payment_id", "G", "municipality_code", "0999"); // 9 UNKNOWN_MUNICIPALITY, no line break
    Parsed p = parse(Dataset.INCOME_SUPPORT, text);
    assertEquals(8, p.info.rowsRead);
    assertEquals(List.of(2, 4, 5, 7, 8), p.acceptedLines());
    assertEquals(List.of(3, 6, 9), p.rejectedLines());
    assertEquals(RejectReason.MALFORMED_ROW, p.rejected.get(0).reason);
    assertEquals(shortLine, p.rejected.get(0).rawLine);
    assertEquals(RejectReason.MALFORMED_ROW, p.rejected.get(1).reason);
    assertEquals(RejectReason.UNKNOWN_MUNICIPALITY, p.rejected.get(2).reason);
    List<String> ids = new ArrayList<>();
    for (ParsedRow r : p.accepted) {
      ids.add(CanonicalRows.payment(r).paymentId);
    }
    assertEquals(List.of("A", "B", "C", "E", "F"), ids);
    assertEquals(payment("payment_id", "F"), p.accepted.get(4).rawLine());
  }

  @Test
  void crlfLineEndingsAreAccepted() {
    String text = IS_HEADER + "\r\n" + payment("payment_id", "A") + "\r\n" + payment("payment_id", "B") + "\r\n";
    Parsed p = parse(Dataset.INCOME_SUPPORT, text);
    assertEquals(List.of(2, 3), p.acceptedLines());
    assertFalse(p.accepted.get(0).rawLine().contains("\r"));
  }

  @Test
  void lastLineWithoutNewlineIsARow() {
    Parsed p = parse(Dataset.INCOME_SUPPORT, IS_HEADER + "\n" + payment("payment_id", "A") + "\n"
        + payment("payment_id", "B"));
    assertEquals(2, p.info.rowsRead);
    assertEquals(List.of(2, 3), p.acceptedLines());
  }

  @Test
  void mixedLfAndCrlfLinesAreAccepted() {
    Parsed p = parse(Dataset.INCOME_SUPPORT, IS_HEADER + "\r\n" + payment("payment_id", "A") + "\n"
        + payment("payment_id", "B") + "\r\n");
    assertEquals(List.of(2, 3), p.acceptedLines());
  }

  @Test
  void lineBreakInsideQuotesMakesBothHalvesMalformed() {
    // The quoted payment_id "P\n1" spans two physical lines.
    Parsed p = parse(Dataset.INCOME_SUPPORT, IS_HEADER + "\n" + payment("payment_id", "\"P\n1\"") + "\n");
    assertEquals(2, p.info.rowsRead);
    assertEquals(List.of(2, 3), p.rejectedLines());
    assertEquals(RejectReason.MALFORMED_ROW, p.rejected.get(0).reason);
    assertEquals(RejectReason.MALFORMED_ROW, p.rejected.get(1).reason);
  }

  @Test
  void lineBreakInsideQuotesOfTheFirstColumnMakesBothHalvesMalformed() {
    // The second half, 27";P-1;... , has all eleven fields; it is still half a row.
    Parsed p = parse(Dataset.INCOME_SUPPORT, IS_HEADER + "\n" + payment("municipality_code", "\"01\n27\"") + "\n");
    assertEquals(List.of(2, 3), p.rejectedLines());
    assertEquals(RejectReason.MALFORMED_ROW, p.rejected.get(0).reason);
    assertEquals(RejectReason.MALFORMED_ROW, p.rejected.get(1).reason);
  }

  @Test
  void lineBreakInsideQuotesOfAnUnknownFirstColumnMakesBothHalvesMalformed() {
    Parsed p = parse(Dataset.POPULATION, "note;" + POP_HEADER + "\n\"first line\nsecond line\";" + POP_ROW + "\n");
    assertEquals(List.of(2, 3), p.rejectedLines());
    assertEquals(RejectReason.MALFORMED_ROW, p.rejected.get(0).reason);
    assertEquals(RejectReason.MALFORMED_ROW, p.rejected.get(1).reason);
  }

  // --- header ---------------------------------------------------------------------------

  @Test
  void firstLineNotSkippedIsTheHeader() {
    Parsed p = parse(Dataset.POPULATION, ";;;\n\n" + POP_HEADER + "\n" + POP_ROW + "\n");
    assertEquals(List.of(4), p.acceptedLines());
  }

  @Test
  void missingColumnRejectsEveryDataRowOfTheFile() {
    String header = IS_HEADER.replace(";children", "");
    String text = header + "\n"
        + IS_ROW.substring(0, IS_ROW.lastIndexOf(';')) + "\n" // fine apart from the missing column
        + "0127;too;few\n" // malformed
        + "\n" // skipped, not a data row
        + "811218-9876\n" // an identity number
        + IS_ROW + "\n"; // even a row carrying a value for the missing column
    Parsed p = parse(Dataset.INCOME_SUPPORT, text);
    assertEquals(4, p.info.rowsRead);
    assertTrue(p.accepted.isEmpty());
    assertEquals(List.of(2, 3, 5, 6), p.rejectedLines());
    for (RejectedRow r : p.rejected) {
      assertEquals(RejectReason.MISSING_COLUMN, r.reason);
      assertEquals("children", r.column);
    }
    assertEquals("******-****", p.rejected.get(2).rawLine);
  }

  @Test
  void unknownColumnsAreListedInTheFileInfo() {
    Parsed p = parse(Dataset.POPULATION, POP_HEADER + ";Kommentar\n" + POP_ROW + ";hej\n");
    assertEquals(1, p.info.unknownColumns.size());
    assertTrue(p.info.unknownColumns.get(0).equalsIgnoreCase("kommentar"));
    assertEquals(List.of(2), p.acceptedLines());
  }

  @Test
  void excelTrailingEmptyHeaderCellsAreDroppedAndNotListed() {
    Parsed p = parse(Dataset.POPULATION, POP_HEADER + ";;\r\n" + POP_ROW + ";;\r\n" + POP_ROW.replace("2023", "2024")
        + "\r\n");
    assertEquals(List.of(), p.info.unknownColumns);
    assertEquals(List.of(2, 3), p.acceptedLines());
  }

  @Test
  void separatorIsDetectedPerFile() {
    assertEquals(",", parse(Dataset.POPULATION, "municipality_code,year,population\n0127,2023,1\n").info.separator);
    assertEquals("tab", parse(Dataset.POPULATION, "municipality_code\tyear\tpopulation\n").info.separator);
    assertEquals(";", parse(Dataset.POPULATION, POP_HEADER + "\n").info.separator);
  }

  // --- encoding -------------------------------------------------------------------------

  @Test
  void byteOrderMarkIsNotPartOfTheFirstColumnName() {
    byte[] body = (POP_HEADER + "\n" + POP_ROW + "\n").getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xEF);
    out.write(0xBB);
    out.write(0xBF);
    out.writeBytes(body);
    Parsed p = parse(Dataset.POPULATION, "population/bom.csv", out.toByteArray());
    assertEquals(List.of(2), p.acceptedLines());
  }

  @Test
  void windows1252FileIsRead() {
    byte[] bytes = ("Kommun;" + POP_HEADER + "\nH\u00e5bo;" + POP_ROW + "\n").getBytes(TextDecoding.WINDOWS_1252);
    Parsed p = parse(Dataset.POPULATION, "population/ansi.csv", bytes);
    assertEquals("Windows-1252", p.info.encoding);
    assertEquals(List.of(2), p.acceptedLines());
    assertTrue(p.accepted.get(0).rawLine().startsWith("Håbo;"));
  }

  // --- reporting ------------------------------------------------------------------------

  @Test
  void rejectCarriesDatasetFileLineReasonColumnAndRawLine() {
    String bad = payment("amount_sek", "0");
    Parsed p = parse(Dataset.INCOME_SUPPORT, "income-support/0127.csv",
        (IS_HEADER + "\n" + bad + "\n").getBytes(StandardCharsets.UTF_8));
    RejectedRow r = p.rejected.get(0);
    assertEquals("income-support", r.dataset);
    assertEquals("income-support/0127.csv", r.file);
    assertEquals(2, r.line);
    assertEquals(RejectReason.BAD_VALUE, r.reason);
    assertEquals("amount_sek", r.column);
    assertEquals(bad, r.rawLine);
  }

  @Test
  void identityNumberInRawLineOfAPiiRejectIsMasked() {
    String line = payment("person_id", "19811218-9876");
    Parsed p = parse(Dataset.INCOME_SUPPORT, IS_HEADER + "\n" + line + "\n");
    RejectedRow r = p.rejected.get(0);
    assertEquals(RejectReason.PII_DETECTED, r.reason);
    assertEquals(line.replace("19811218-9876", "********-****"), r.rawLine);
    assertFalse(r.message.contains("9876"), r.message);
  }

  @Test
  void everyTenOrTwelveDigitRunInARejectedRawLineIsMaskedValidOrNot() {
    // 8112189875 has a wrong check digit: BAD_VALUE, not PII, but its digits are masked all the same.
    String line = payment("household_id", "8112189875");
    Parsed p = parse(Dataset.INCOME_SUPPORT, IS_HEADER + "\n" + line + "\n");
    RejectedRow r = p.rejected.get(0);
    assertEquals(RejectReason.BAD_VALUE, r.reason);
    assertEquals(line.replace("8112189875", "**********"), r.rawLine);
    assertFalse(r.message.contains("8112189875"), r.message);
  }

  @Test
  void digitRunsInTheFilePathAreMasked() {
    Parsed p = parse(Dataset.POPULATION, "population/811218-9876.csv",
        (POP_HEADER + "\n0127;0;1\n").getBytes(StandardCharsets.UTF_8));
    assertEquals("population/******-****.csv", p.rejected.get(0).file);
    assertEquals("population/******-****.csv", p.info.file);
  }
}
