package se.glappet.publish;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import se.glappet.ingest.TextDecoding;
import se.glappet.model.MonthRange;

/**
 * Warnings about what a run read: files that look like UTF-16, and a month range that reaches
 * beyond the months with any accepted row (there every figure is zero or null). The batch prints
 * them (also with --quiet) and lists them in the quality report.
 */
public final class InputWarnings {
  private InputWarnings() {}

  /** The warning lines, in this order: UTF-16 files by path, then the month range. */
  public static List<String> of(RunStats stats) {
    List<String> out = new ArrayList<>();
    for (RunStats.FileStat f : stats.files.values()) {
      if (TextDecoding.looksLikeUtf16(f.encoding)) {
        out.add(f.file + " looks like UTF-16 (Excel's \"Unicode text\"), which is not read: its " + f.rowsRead
            + " rows were rejected. Open it in Excel and save it as \"CSV UTF-8 (comma delimited)\" (or in a text "
            + "editor with the encoding UTF-8), then run again.");
      }
    }
    if (stats.range.isEmpty()) {
      return out;
    }
    MonthRange data = stats.dataMonths;
    if (data.isEmpty()) {
      out.add("no dataset has an accepted row, so every month of " + span(stats.range.from, stats.range.to)
          + " has no input at all: its figures are zeros or null. Check the input and the quality report.");
      return out;
    }
    if (stats.range.from.isBefore(data.from)) {
      out.add("no input is dated in " + span(stats.range.from, data.from.minusMonths(1))
          + ", before the first month with an accepted row (" + data.from + "): those months are published "
          + "with zeros or null. Check --from.");
    }
    if (stats.range.to.isAfter(data.to)) {
      out.add("no input is dated in " + span(data.to.plusMonths(1), stats.range.to)
          + ", after the last month with an accepted row (" + data.to + "): those months are published "
          + "with zeros or null. Check --to.");
    }
    return out;
  }

  static String span(YearMonth from, YearMonth to) {
    return from.equals(to) ? from.toString() : from + " to " + to;
  }
}
