package se.glappet.ingest;

import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;

/**
 * The duplicate rule per key group; rejected rows and file descriptions pass through. The
 * municipalities and payment months of accepted rows are gathered per bundle (few distinct
 * values) and emitted when the bundle finishes.
 */
final class ApplyDuplicateRuleFn extends DoFn<KV<Long, Iterable<Finding>>, KV<Integer, DuplicateRule.Loser>> {
  private static final long serialVersionUID = 1L;
  static final TupleTag<KV<Integer, DuplicateRule.Loser>> LOSERS = new TupleTag<>() {};
  private final List<String> displayPaths;
  private transient Set<String> municipalities;
  private transient Set<Integer> months;
  private transient String lastMunicipality;
  private transient int lastMonth;

  ApplyDuplicateRuleFn(List<String> displayPaths) {
    this.displayPaths = displayPaths;
  }

  @StartBundle
  public void startBundle() {
    municipalities = new HashSet<>();
    months = new HashSet<>();
    lastMunicipality = null;
    lastMonth = RowFingerprint.NO_MONTH;
  }

  @ProcessElement
  public void process(@Element KV<Long, Iterable<Finding>> group, MultiOutputReceiver out) throws IOException {
    List<RowFingerprint> rows = new ArrayList<>();
    for (Finding f : group.getValue()) {
      switch (f.kind) {
        case ROWS:
          rows.addAll(f.fingerprints());
          break;
        case REJECTED:
          out.get(ReadInputs.REJECTED).output(f.rejected);
          break;
        default:
          out.get(ReadInputs.FILES).output(f.file);
      }
    }
    for (DuplicateRule.Decision d : DuplicateRule.decideEachKey(rows, displayPaths::get)) {
      record(d, out);
    }
  }

  private void record(DuplicateRule.Decision d, MultiOutputReceiver out) {
    if (d.accepted != null) {
      // Rows come mostly in file order, so mostly with the municipality and month of the row before.
      String m = d.accepted.municipality;
      if (m != lastMunicipality && !m.isEmpty()) {
        municipalities.add(m);
        lastMunicipality = m;
      }
      int month = d.accepted.paymentMonth;
      if (month != lastMonth && month != RowFingerprint.NO_MONTH) {
        months.add(month);
        lastMonth = month;
      }
    }
    for (DuplicateRule.Loser l : d.losers) {
      out.get(LOSERS).output(KV.of(l.file, l));
    }
  }

  @FinishBundle
  public void finishBundle(FinishBundleContext c) {
    for (String m : municipalities) {
      c.output(ReadInputs.MUNICIPALITIES, m, GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
    }
    for (int m : months) {
      c.output(ReadInputs.PAYMENT_MONTHS, YearMonth.of(m / 12, m % 12 + 1), GlobalWindow.INSTANCE.maxTimestamp(),
          GlobalWindow.INSTANCE);
    }
  }
}
