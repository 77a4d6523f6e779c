package se.glappet.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Contract section 2.1: skipped lines, the separator, and quoting. */
class CsvDialectTest {

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t", ";;;", ",,", " ; , \t ;", ";\t,"})
  void blankLinesAndLinesOfOnlySeparatorsAndSpacesAreSkippable(String line) {
    assertTrue(CsvDialect.isSkippable(line));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", ";;x", " 0 ", "\"\"", ";\"\";", "\u00A0", "-"})
  void linesWithAnythingElseAreNotSkippable(String line) {
    assertFalse(CsvDialect.isSkippable(line));
  }

  @Test
  void separatorIsTheOneOccurringMostOften() {
    assertEquals(';', CsvDialect.detectSeparator("a;b;c,d"));
    assertEquals(',', CsvDialect.detectSeparator("a,b,c;d"));
    assertEquals('\t', CsvDialect.detectSeparator("a\tb\tc,d;e"));
  }

  @Test
  void separatorTieSemicolonBeatsCommaAndTab() {
    assertEquals(';', CsvDialect.detectSeparator("a;b,c"));
    assertEquals(';', CsvDialect.detectSeparator("a;b\tc"));
    assertEquals(';', CsvDialect.detectSeparator("a;b,c\td"));
  }

  @Test
  void separatorTieCommaBeatsTab() {
    assertEquals(',', CsvDialect.detectSeparator("a,b\tc"));
    assertEquals(',', CsvDialect.detectSeparator("a,,b\t\tc;d"));
  }

  @Test
  void separatorOfAHeaderWithoutAnyIsSemicolonByTheTieRule() {
    assertEquals(';', CsvDialect.detectSeparator("population"));
  }

  @Test
  void splitKeepsEmptyFieldsIncludingTrailingOnes() {
    assertEquals(List.of("a", "", "b", ""), CsvDialect.split("a;;b;", ';'));
  }

  @Test
  void splitOfLinesWithoutQuotes() {
    assertEquals(List.of(""), CsvDialect.split("", ';'));
    assertEquals(List.of("", ""), CsvDialect.split(";", ';'));
    assertEquals(List.of(" ", "\t", " a"), CsvDialect.split(" ;\t; a", ';'));
    assertEquals(List.of("a;b", "c"), CsvDialect.split("a;b,c", ','));
    assertEquals(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", ""),
        CsvDialect.split("a;b;c;d;e;f;g;h;i;j;k;l;m;n;o;p;q;", ';'));
  }

  @Test
  void splitDoesNotTrim() {
    assertEquals(List.of(" a ", "\tb"), CsvDialect.split(" a ;\tb", ';'));
  }

  @Test
  void quotedFieldMayHoldTheSeparator() {
    assertEquals(List.of("a", "b;c", "d"), CsvDialect.split("a;\"b;c\";d", ';'));
  }

  @Test
  void doubledQuoteInsideQuotesIsAQuote() {
    assertEquals(List.of("he said \"hi\"", "x"), CsvDialect.split("\"he said \"\"hi\"\"\",x", ','));
  }

  @Test
  void quotedEmptyFieldIsEmpty() {
    assertEquals(List.of("", "a"), CsvDialect.split("\"\";a", ';'));
  }

  @Test
  void spacesAroundAQuotedFieldAreAllowed() {
    assertEquals(List.of("abc", "d"), CsvDialect.split("  \"abc\" ;d", ';'));
  }

  @Test
  void tabSeparatedFieldsSplitOnTab() {
    assertEquals(List.of("a", "b c", "d,e"), CsvDialect.split("a\tb c\td,e", '\t'));
  }

  @Test
  void unbalancedQuoteCannotBeSplit() {
    assertNull(CsvDialect.split("a;\"b;c", ';'));
    assertNull(CsvDialect.split("\"abc", ';'));
  }

  @Test
  void textAfterAClosingQuoteCannotBeSplit() {
    assertNull(CsvDialect.split("\"abc\"x;d", ';'));
    assertNull(CsvDialect.split("a;\"b\" c", ';'));
  }

  @Test
  void quoteInsideAnUnquotedFieldCannotBeSplit() {
    // e.g. the second half of "01<line break>27";... — its quotes cannot balance
    assertNull(CsvDialect.split("27\";P-1;x", ';'));
    assertNull(CsvDialect.split("a;b\"c", ';'));
    assertNull(CsvDialect.split("a;b\"c\";d", ';'));
  }
}
