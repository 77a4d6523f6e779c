package se.glappet.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * RowParser reads fields in place; {@link ReferenceRowParser} is the parser as it was, reading a
 * string per field. On lines made dirty field by field (every value shape the rules know, good
 * and bad), both must decide the same: reason, column, message, key, canonical row and values,
 * and the digests must be those of the key and canonical text.
 */
class RowParserAgreesWithReferenceTest {
  /** Good and bad values per column type, edge cases first. */
  private static final String[] MUNICIPALITY = {"0127", "0136", "0180", "0999", "127", "01270", "01a7", "", " 0127 ",
      "0127\t", "١٢٣٤"};
  private static final String[] PAYMENT_ID = {"P-1", "utb_001U76", "abc-1", "ABC-1", "x", "", "a b", "ä1",
      "a".repeat(64), "a".repeat(65), "P\"1"};
  private static final String[] PSEUDONYM = {"aaaaaaaaaaaaaaaa", "ABCDEF0123456789", "abcdef0123456789",
      "0123456789abcdefABCDEF0123456789", "a".repeat(15), "f".repeat(64), "F".repeat(65), "ghijklmnopqrstuv",
      "aaaaaaaaaaaaaaa\u0100", ""};
  private static final String[] DATE = {"2024-03-05", "2024-03-01", "2024-03-31", "2024-02-29", "2023-02-29",
      "2024-13-01", "2024-00-10", "2024-04-31", "0000-01-01", "24-03-05", "2024/03/05", "2024-3-5", "",
      "2024-03-05 ", "２０２４-03-05", "2011-01-03"};
  private static final String[] AMOUNT = {"1 234,50", "1234.5", "−75", "-75,00", "1\u00A0000", "1\u202F000,5",
      "0", "0,00", "-0", "200000", "199999,99", "-199999.99", "1000.0", "1000,001", "12 34", "1,2,3", "abc",
      "99999999999999999", "1 234 567 890 123 456 789,12", "123456789012345678", "12345678901234567,5",
      "1.", ",5", "+5", "5e3", "308", "1000", "1000.01", "0.01", "-5", "2 283,04", "10.10", "100,00", ""};
  private static final String[] REASON = {"WAITING_PLAN", "waiting_plan", "Sick", "OTHER", "UNEMPLOYED", "sjuk",
      "ıother", "", "WAITING PLAN"};
  private static final String[] SMALL_INT = {"1", "2", "0", "3", "01", "002", "20", "21", "-1", "1.0", "",
      "000000000000000000001", "99999999999999999999", "a"};
  private static final String[] BIG_INT = {"5", "0", "0005", "112000", "0112000", "999999999999999999",
      "1000000000000000000", "0000000000000000000012", "-3", "", "x"};
  private static final String[] ALLOWANCE_TYPE = {"ESTABLISHMENT", "establishment", "Establishment", "LMA", "lma",
      "OTHER", ""};
  private static final String[] RECEPTION = {"ASSIGNED", "assigned", "QUOTA", "quota", "SELF", "self", "x", ""};
  private static final String[] MONTH = {"2024-03", "2024-13", "2024-3", "0001-01", ""};
  private static final String[] YEAR = {"2023", "0999", "23", "20234", ""};
  private static final String[] PII = {"19811218-9876", "8112189875", "198112189876", "811218-9875", "811218+9875",
      "19811218 9876"};

  private static String[] valuesFor(Column col) {
    switch (col.type) {
      case MUNICIPALITY:
        return MUNICIPALITY;
      case PAYMENT_ID:
        return PAYMENT_ID;
      case PSEUDONYM:
        return PSEUDONYM;
      case DATE:
        return DATE;
      case AMOUNT:
        return AMOUNT;
      case REASON_CODE:
        return REASON;
      case ALLOWANCE_TYPE:
        return ALLOWANCE_TYPE;
      case RECEPTION_TYPE:
        return RECEPTION;
      case MONTH:
        return MONTH;
      case YEAR:
        return YEAR;
      default:
        return col.max <= 20 ? SMALL_INT : BIG_INT;
    }
  }

  @Test
  void everyDatasetEveryShape() {
    check(Dataset.INCOME_SUPPORT, RowParserTest.IS_HEADER, RowParserTest.IS_ROW);
    check(Dataset.ALLOWANCES, RowParserTest.AL_HEADER, RowParserTest.AL_ROW);
    check(Dataset.KIS, RowParserTest.KIS_HEADER, RowParserTest.KIS_ROW);
    check(Dataset.POPULATION, RowParserTest.POP_HEADER, RowParserTest.POP_ROW);
  }

  private static void check(Dataset dataset, String header, String row) {
    List<String> lines = new ArrayList<>();
    List<String> names = Arrays.asList(header.split(";"));
    // Each value of each column in the good row.
    for (String name : names) {
      Column col = dataset.columns.get(dataset.indexOf(name));
      for (String v : valuesFor(col)) {
        lines.add(RowParserTest.with(header, row, name, v));
      }
      for (String v : PII) {
        lines.add(RowParserTest.with(header, row, name, v));
      }
    }
    // Random rows: several columns dirty at once, blanks around, quotes, extra and missing fields.
    Random random = new Random(42);
    for (int n = 0; n < 20_000; n++) {
      String[] fields = row.split(";", -1);
      for (int i = 0; i < fields.length; i++) {
        if (random.nextInt(3) == 0) {
          String[] pool = valuesFor(dataset.columns.get(dataset.indexOf(names.get(i))));
          fields[i] = pool[random.nextInt(pool.length)];
        }
        if (random.nextInt(20) == 0) {
          fields[i] = " \t".substring(random.nextInt(2)) + fields[i] + " ".repeat(random.nextInt(2));
        }
        if (random.nextInt(40) == 0) {
          fields[i] = "\"" + fields[i].replace("\"", "\"\"") + "\"";
        }
        if (random.nextInt(200) == 0) {
          fields[i] = PII[random.nextInt(PII.length)];
        }
      }
      String line = String.join(";", fields);
      switch (random.nextInt(30)) {
        case 0:
          line = line + ";";
          break;
        case 1:
          line = line + ";extra";
          break;
        case 2:
          line = line.substring(0, line.lastIndexOf(';'));
          break;
        case 3:
          line = line + "\"";
          break;
        default:
      }
      lines.add(line);
    }
    // Headers in another order, with unknown and missing columns.
    List<String> reordered = new ArrayList<>(names);
    java.util.Collections.reverse(reordered);
    String[] headers = {header, header + ";note", String.join(";", reordered), header.replace("municipality_code", "kommun"),
        header.replace(";", ",")};
    int accepted = 0;
    int onePass = 0;
    String previous = null;
    for (String h : headers) {
      ReferenceRowParser reference = ReferenceRowParser.forHeader(dataset, h, RowParserTest.MUNICIPALITIES);
      RowParser parser = RowParser.forHeader(dataset, h, RowParserTest.MUNICIPALITIES);
      for (String line : lines) {
        String l = h.equals(header) ? line : reorder(header, h, line);
        if (l == null) {
          continue;
        }
        ReferenceRowParser.Outcome want = reference.parse(l);
        RowParser.Outcome got = parser.parse(l);
        // The same line in the middle of a file's text, as FileParser hands it over.
        String text = "x;y\n" + l + "\r\n;z";
        RowParser.Outcome inText = parser.parse(text, TextDecoding.latin1Bytes(text), 4, 4 + l.length(),
            l.indexOf('"') >= 0);
        for (RowParser.Outcome o : new RowParser.Outcome[] {got, inText}) {
          assertEquals(want.reason, o.reason, l);
          assertEquals(want.column, o.column, l);
          assertEquals(want.message, o.message, l);
          assertEquals(want.key, o.key(), l);
          assertEquals(want.canonical, o.canonical(), l);
          if (o.accepted()) {
            assertValuesEqual(want.values, o.values, l);
            assertArrayEquals(Digest128.of(dataset.ordinal() + "|" + want.key), o.keyDigest, l);
            assertArrayEquals(Digest128.of(want.canonical), o.rowDigest, l);
          }
        }
        if (got.accepted()) {
          accepted++;
        }
        // The one-pass reading (FileParser's first try): the line followed by the next one, with
        // either line break, or at the text's end. When it answers, it answers as the reference
        // does for this line alone, and it found the line's end; a short line must not run on.
        String next = previous == null ? l : previous;
        for (String file : new String[] {l + "\r\n" + next + "\n", l + "\n" + next, l}) {
          RowParser.Outcome one = parser.parseCommonLine(file, TextDecoding.latin1Bytes(file), 0);
          if (one == null) {
            continue;
          }
          assertTrue(want.reason == null, "the one-pass reading accepted a line the reference rejects: " + l);
          assertEquals(want.key, one.key(), l);
          assertEquals(want.canonical, one.canonical(), l);
          assertValuesEqual(want.values, one.values, l);
          assertArrayEquals(Digest128.of(want.canonical), one.rowDigest, l);
          assertEquals(l.length(), parser.contentEnd(), l);
          assertEquals(file.length() == l.length() ? l.length() : file.charAt(l.length()) == '\r'
              ? l.length() + 1 : l.length(), parser.lineEnd(), l);
          onePass++;
        }
        previous = l;
      }
    }
    assertTrue(accepted > 1000, "enough accepted lines to compare: " + accepted);
    // KIS and population rows have a month or a year, which is not read in place: the one-pass
    // reading never takes them, and their files are read as before.
    if (dataset == Dataset.INCOME_SUPPORT || dataset == Dataset.ALLOWANCES) {
      assertTrue(onePass > 1000, "enough lines read in one pass to compare: " + onePass);
    } else {
      assertEquals(0, onePass);
    }
  }

  /** The line with its fields moved from header order to other order (null if other lacks a column). */
  private static String reorder(String header, String other, String line) {
    if (line.indexOf('"') >= 0) {
      return null;
    }
    char sep = other.indexOf(';') >= 0 ? ';' : ',';
    if (sep == ',' && line.indexOf(',') >= 0) {
      return null;
    }
    List<String> from = Arrays.asList(header.split(";"));
    String[] values = line.split(";", -1);
    List<String> out = new ArrayList<>();
    for (String name : other.split(String.valueOf(sep))) {
      int i = from.indexOf(name);
      out.add(i < 0 ? "n" : i < values.length ? values[i] : "");
    }
    for (int i = from.size(); i < values.length; i++) {
      out.add(values[i]);
    }
    return String.join(String.valueOf(sep), out);
  }

  private static void assertValuesEqual(Object[] want, Object[] got, String line) {
    assertEquals(want.length, got.length, line);
    for (int i = 0; i < want.length; i++) {
      assertEquals(want[i], got[i], line);
      if (want[i] instanceof BigDecimal) {
        assertEquals(((BigDecimal) want[i]).scale(), ((BigDecimal) got[i]).scale(), line);
      }
      if (want[i] != null) {
        assertEquals(want[i].getClass(), got[i].getClass(), line);
      }
    }
  }
}
