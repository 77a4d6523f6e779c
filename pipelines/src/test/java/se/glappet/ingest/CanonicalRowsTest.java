package se.glappet.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Canonical text back to values: the hand-read dates agree with LocalDate.parse. */
class CanonicalRowsTest {
  @Test
  void datesAreReadLikeLocalDateParse() {
    for (String d : new String[] {"2011-01-01", "2012-02-29", "1999-12-31", "2024-03-05", "0001-01-01"}) {
      assertEquals(LocalDate.parse(d), CanonicalRows.date(d), d);
    }
  }

  @Test
  void impossibleDatesFailAsLocalDateParseDoes() {
    assertThrows(DateTimeException.class, () -> CanonicalRows.date("2011-02-29"));
    assertThrows(DateTimeException.class, () -> CanonicalRows.date("2011-13-01"));
  }

  @Test
  void oneFieldOfACanonicalRow() {
    String row = String.join(String.valueOf(RowParser.SEP), "0127", "P-1", "", "last");
    assertEquals("0127", CanonicalRows.field(row, 0));
    assertEquals("", CanonicalRows.field(row, 2));
    assertEquals("last", CanonicalRows.field(row, 3));
  }
}
