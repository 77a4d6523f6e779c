package se.glappet.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.glappet.model.MonthRange;

/** The run's warnings about its inputs, on hand-made run statistics. */
class InputWarningsTest {
  static RunStats stats(String from, String to, String dataFrom, String dataTo) {
    RunStats s = new RunStats();
    s.range = new MonthRange(YearMonth.parse(from), YearMonth.parse(to));
    s.dataMonths = dataFrom == null ? MonthRange.EMPTY : new MonthRange(YearMonth.parse(dataFrom), YearMonth.parse(dataTo));
    return s;
  }

  @Test
  void noWarningWhenTheRangeLiesWithinTheData() {
    assertEquals(List.of(), InputWarnings.of(stats("2011-02", "2011-03", "2011-01", "2011-04")));
    assertEquals(List.of(), InputWarnings.of(stats("2011-01", "2011-04", "2011-01", "2011-04")));
  }

  @Test
  void monthsBeforeAndAfterTheData() {
    assertEquals(List.of(
        "no input is dated in 2010-11 to 2010-12, before the first month with an accepted row (2011-01): those "
            + "months are published with zeros or null. Check --from.",
        "no input is dated in 2011-05, after the last month with an accepted row (2011-04): those months are "
            + "published with zeros or null. Check --to."),
        InputWarnings.of(stats("2010-11", "2011-05", "2011-01", "2011-04")));
  }

  @Test
  void noAcceptedRowAtAll() {
    assertEquals(List.of("no dataset has an accepted row, so every month of 2011-01 has no input at all: its "
        + "figures are zeros or null. Check the input and the quality report."),
        InputWarnings.of(stats("2011-01", "2011-01", null, null)));
  }

  @Test
  void aUtf16FileIsNamedEvenWithoutMonths() throws Exception {
    RunStats s = new RunStats();
    com.fasterxml.jackson.databind.node.ObjectNode n = new com.fasterxml.jackson.databind.ObjectMapper()
        .createObjectNode();
    n.put("dataset", "kis").put("file", "kis/u.csv").put("bytes", 10).put("sha256", "x")
        .put("encoding", "UTF-8" + se.glappet.ingest.TextDecoding.UTF16_NOTE).put("separator", ";")
        .put("rowsRead", 4);
    n.putArray("unknownColumns");
    s.files.put("kis/u.csv", new RunStats.FileStat(n));
    assertEquals(List.of("kis/u.csv looks like UTF-16 (Excel's \"Unicode text\"), which is not read: its 4 rows "
        + "were rejected. Open it in Excel and save it as \"CSV UTF-8 (comma delimited)\" (or in a text editor with "
        + "the encoding UTF-8), then run again."), InputWarnings.of(s));
  }
}
