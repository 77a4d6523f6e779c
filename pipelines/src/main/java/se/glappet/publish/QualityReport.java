package se.glappet.publish;

import java.util.List;
import java.util.Map;
import se.glappet.ingest.RejectedRow;
import se.glappet.privacy.IdentityNumbers;

/** The human-readable quality report written beside {@code rejected.parquet} on every run. */
public final class QualityReport {
  private QualityReport() {}

  /** Builds the report text. {@code stats} may be null when the run failed before counting. */
  public static String render(String runId, String status, String detail, Map<String, String> arguments,
      RunStats stats, double maxRejectRate, List<RejectedRow> examples, List<String> published) {
    StringBuilder sb = new StringBuilder();
    sb.append("Glappet quality report\n======================\n\n");
    sb.append("Run:      ").append(runId).append('\n');
    sb.append("Status:   ").append(status).append('\n');
    if (detail != null) {
      sb.append("Detail:   ").append(IdentityNumbers.mask(detail)).append('\n');
    }
    sb.append("Arguments:");
    arguments.forEach((k, v) -> sb.append(" --").append(k).append(' ').append(IdentityNumbers.mask(v)));
    sb.append("\n\n");
    if (stats == null) {
      sb.append("The run failed before any input was counted; nothing was published.\n");
      return printable(sb.toString());
    }
    sb.append("Months:   ").append(stats.range.isEmpty() ? "(none)" : stats.range.from + " to " + stats.range.to
        + " (figures as known at " + stats.range.obsEnd() + ")").append("\n\n");
    sb.append("Rows per dataset (read = accepted + rejected)\n");
    sb.append(String.format("  %-16s %10s %10s %10s %8s  %s%n", "dataset", "read", "accepted", "rejected",
        "gate", "verdict"));
    for (String d : RunStats.datasets()) {
      long read = stats.rowsRead(d);
      long rej = stats.rejected(d);
      long gate = stats.rejectedForGate(d);
      double share = read == 0 ? 0 : (double) gate / read;
      sb.append(String.format("  %-16s %10d %10d %10d %7.2f%%  %s%n", d, read, read - rej, rej, share * 100,
          share > maxRejectRate ? "ABOVE the " + pct(maxRejectRate) + " limit" : "ok"));
    }
    sb.append("\n  (the gate share counts every reason except DUPLICATE_ROW; limit --max-reject-rate ")
        .append(maxRejectRate).append(")\n\n");
    if (!stats.rejectsByReason.isEmpty()) {
      sb.append("Rejected rows by reason\n");
      stats.rejectsByReason.forEach((d, reasons) -> reasons.forEach((r, n) ->
          sb.append(String.format("  %-16s %-22s %8d%n", d, r, n))));
      sb.append('\n');
    }
    sb.append("Files\n");
    for (RunStats.FileStat f : stats.files.values()) {
      sb.append(String.format("  %-44s %9d bytes  %-12s sep %-3s read %7d  accepted %7d  rejected %6d%n",
          f.file, f.bytes, f.encoding, f.separator, f.rowsRead, f.accepted(), f.rejected));
      if (!f.unknownColumns.isEmpty()) {
        sb.append("      unknown columns (ignored): ").append(String.join(", ", f.unknownColumns)).append('\n');
      }
      if (se.glappet.ingest.TextDecoding.looksLikeUtf16(f.encoding)) {
        sb.append("      ").append(f.file).append(" looks like UTF-16, which is not read: every row is rejected. ")
            .append("Save it as \"CSV UTF-8\" and run again.\n");
      }
    }
    if (stats.files.isEmpty()) {
      sb.append("  (no input files)\n");
    }
    sb.append('\n');
    if (!examples.isEmpty()) {
      sb.append("First rejected rows (identity-number-like digit runs masked; all rows in rejected.parquet)\n");
      for (RejectedRow r : examples) {
        sb.append("  ").append(r.dataset).append('/').append(r.file.substring(r.file.indexOf('/') + 1))
            .append(':').append(r.line).append("  ").append(r.reason)
            .append(r.column == null ? "" : " [" + r.column + "]").append("  ").append(r.message).append('\n')
            .append("      ").append(r.rawLine).append('\n');
      }
      sb.append('\n');
    }
    if (!stats.suppressedCells.isEmpty()) {
      sb.append("Cells suppressed (fewer than five persons or households)\n");
      stats.suppressedCells.forEach((t, n) -> sb.append(String.format("  %-26s %8d%n", t, n)));
      sb.append('\n');
    }
    sb.append(nonResponse(stats));
    sb.append("Published files: ").append(published.size()).append('\n');
    for (String p : published) {
      sb.append("  ").append(p).append('\n');
    }
    return printable(sb.toString());
  }

  /** The warnings section: one line each (none: no section). */
  public static String warnings(List<String> warnings) {
    if (warnings.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder("\nWarnings\n");
    for (String w : warnings) {
      sb.append("  ").append(IdentityNumbers.mask(w)).append('\n');
    }
    return printable(sb.toString());
  }

  /**
   * The report as plain text that {@code grep} and a terminal take as text: every control
   * character but line feed and tab (a raw line of a binary file may hold zero bytes, escape
   * sequences, a carriage return), every unpaired surrogate and the Unicode line separators are
   * written as a backslash, x and two hex digits (or u and four).
   */
  public static String printable(String text) {
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1));
      boolean bad = (Character.isISOControl(c) && c != '\n' && c != '\t')
          || (Character.isSurrogate(c) && !paired) || c == '\u2028' || c == '\u2029';
      if (bad && sb == null) {
        sb = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (sb != null) {
        if (bad) {
          sb.append(c < 0x100 ? String.format("\\x%02X", (int) c) : String.format("\\u%04X", (int) c));
        } else {
          sb.append(c);
          if (paired) {
            sb.append(text.charAt(++i));
          }
        }
      } else if (paired) {
        i++;
      }
    }
    return sb == null ? text : sb.toString();
  }

  /**
   * The non-response section: every municipality in the batch and month of the run without an
   * accepted payment dated in the month (contract section 4), one line per month.
   */
  public static String nonResponse(RunStats stats) {
    StringBuilder sb = new StringBuilder(
        "Non-response (municipality-months without an accepted payment dated in the month)\n");
    if (stats.nonResponse.isEmpty()) {
      sb.append("  none\n\n");
      return sb.toString();
    }
    sb.append("  Their payment-based figures are published as null (unknown, not zero) and never ranked.\n");
    Map<java.time.YearMonth, List<String>> byMonth = new java.util.TreeMap<>();
    for (RunStats.NonResponse n : stats.nonResponse) {
      byMonth.computeIfAbsent(n.period, k -> new java.util.ArrayList<>()).add(n.municipalityCode);
    }
    byMonth.forEach((m, codes) -> sb.append("  ").append(m).append(": ").append(String.join(", ", codes))
        .append('\n'));
    sb.append('\n');
    return sb.toString();
  }

  /** The anomaly section: flags, then the cold starts in one line per municipality. */
  public static String anomalies(List<AnomalyFlags.Flag> flags) {
    StringBuilder sb = new StringBuilder("\nAnomaly flags (payments or amount below half or above twice the median of up to "
        + AnomalyFlags.MAX_HISTORY + " previous published months)\n");
    Map<String, List<String>> cold = new java.util.TreeMap<>();
    int n = 0;
    for (AnomalyFlags.Flag f : flags) {
      if (f.coldStart()) {
        cold.computeIfAbsent(f.municipality, k -> new java.util.ArrayList<>()).add(f.period.toString());
      } else {
        sb.append("  ").append(f).append('\n');
        n++;
      }
    }
    if (n == 0) {
      sb.append("  none\n");
    }
    if (!cold.isEmpty()) {
      sb.append("  cold start (fewer than ").append(AnomalyFlags.MIN_HISTORY)
          .append(" months of history, not judged):\n");
      cold.forEach((m, months) -> sb.append("    ").append(m).append(": ").append(String.join(", ", months)).append('\n'));
    }
    return sb.toString();
  }

  /**
   * The revisions section (contract section 4.8): revised cells and rows per dataset and month, and
   * the first revisions of each dataset in full. Empty text for null (the run published nothing).
   */
  public static String revisions(Revisions.Result r) {
    if (r == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder("\nRevisions of months published before (").append(r.file).append(", ")
        .append(r.rows).append(r.rows == 1 ? " row" : " rows").append("; previous run ")
        .append(r.previousRunId == null ? "none" : r.previousRunId).append(")\n");
    if (r.byDataset.isEmpty()) {
      sb.append("  none: no month file this run replaced differs from the one it replaced\n");
      return sb.toString();
    }
    sb.append(String.format("  %-26s %-8s %14s %11s %13s%n", "dataset", "period", "changed cells", "added rows",
        "removed rows"));
    r.byDataset.forEach((d, months) -> months.forEach((period, c) -> {
      sb.append(String.format("  %-26s %-8s %14d %11d %13d", d, period, c.changedCells, c.addedRows, c.removedRows));
      if (c.unreadable != null) {
        sb.append("  the previous file could not be read (").append(c.unreadable).append("): what changed is unknown");
      }
      sb.append('\n');
    }));
    sb.append("\n  First revisions of each dataset (all in the revisions file)\n");
    r.first.forEach((d, rows) -> rows.forEach(v -> sb.append("    ").append(v).append('\n')));
    return sb.toString();
  }

  static String pct(double x) {
    return String.format("%.1f%%", x * 100);
  }
}
