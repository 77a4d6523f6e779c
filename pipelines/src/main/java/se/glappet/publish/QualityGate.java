package se.glappet.publish;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import se.glappet.ingest.RejectReason;

/**
 * The quality gate of contract section 1: a run publishes nothing (exit 3) when a dataset's
 * rejected share, not counting DUPLICATE_ROW, is above {@code --max-reject-rate}. Exactly at the
 * limit passes; a dataset with no rows read never fails.
 */
public final class QualityGate {
  private QualityGate() {}

  /** One dataset's counts as the gate sees them. */
  public static final class Counts {
    public final String dataset;
    public final long rowsRead;
    /** Rejected rows of every reason but DUPLICATE_ROW. */
    public final long rejectedForGate;

    public Counts(String dataset, long rowsRead, long rejectedForGate) {
      this.dataset = dataset;
      this.rowsRead = rowsRead;
      this.rejectedForGate = rejectedForGate;
    }

    /** The counts from the rows read and the rejected rows by reason name; DUPLICATE_ROW is left out. */
    public static Counts of(String dataset, long rowsRead, Map<String, Long> rejectedByReason) {
      long n = 0;
      for (Map.Entry<String, Long> e : rejectedByReason.entrySet()) {
        if (!e.getKey().equals(RejectReason.DUPLICATE_ROW.name())) {
          n += e.getValue();
        }
      }
      return new Counts(dataset, rowsRead, n);
    }

    /** True when the rejected share is above the limit (never with no rows read). */
    public boolean above(double maxRejectRate) {
      return rowsRead > 0 && (double) rejectedForGate / rowsRead > maxRejectRate;
    }

    /** "income-support: 6 of 100 rows rejected (6.0%)". */
    String line() {
      return String.format(Locale.ROOT, "%s: %d of %d rows rejected (%.1f%%)", dataset, rejectedForGate, rowsRead,
          100.0 * rejectedForGate / rowsRead);
    }
  }

  /** The gate's verdict: passed, or the failing datasets' lines. */
  public static final class Verdict {
    public final double maxRejectRate;
    /** One line per dataset above the limit, in the order given; empty when the gate passed. */
    public final List<String> failures;

    Verdict(double maxRejectRate, List<String> failures) {
      this.maxRejectRate = maxRejectRate;
      this.failures = Collections.unmodifiableList(failures);
    }

    public boolean passed() {
      return failures.isEmpty();
    }

    /** The one-line failure message of the batch (exit 3). */
    public String message() {
      return "quality gate failed, above --max-reject-rate " + maxRejectRate + ": " + String.join("; ", failures)
          + ". Nothing was published. Read the quality report, fix or resend the files, and run again.";
    }
  }

  public static Verdict judge(List<Counts> datasets, double maxRejectRate) {
    List<String> failures = new ArrayList<>();
    for (Counts c : datasets) {
      if (c.above(maxRejectRate)) {
        failures.add(c.line());
      }
    }
    return new Verdict(maxRejectRate, failures);
  }

  /** The gate over every dataset of a run, in contract order. */
  public static Verdict judge(RunStats stats, double maxRejectRate) {
    List<Counts> counts = new ArrayList<>();
    for (String d : RunStats.datasets()) {
      counts.add(Counts.of(d, stats.rowsRead(d), stats.rejectsByReason.getOrDefault(d, Map.of())));
    }
    return judge(counts, maxRejectRate);
  }
}
