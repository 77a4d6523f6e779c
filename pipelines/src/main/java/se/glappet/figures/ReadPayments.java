package se.glappet.figures;

import java.io.IOException;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import se.glappet.ingest.CanonicalRows;
import se.glappet.ingest.CheckFile;
import se.glappet.ingest.ReadInputs;
import se.glappet.ingest.Finding;
import se.glappet.ingest.InputFile;
import se.glappet.ingest.ParsedRow;
import se.glappet.records.Payment;

/**
 * The one reading of the payments, the only large dataset. Each income-support file is read once,
 * in the reading thread:
 *
 * <ul>
 *   <li>every line is checked as every input line is ({@link CheckFile}): its finding (a rejected
 *       row or the fingerprint of an accepted one) goes to the duplicate rule ({@link #FINDINGS});
 *   <li>every accepted payment in the published months is added at once to partial income-support
 *       totals per municipality-month, which hold the reasons' totals too (contract 4.3, 4.4;
 *       {@link HouseholdTotals}; {@link #PARTIALS_AND_CANDIDATES}), and which leave the bundle at its
 *       end or every {@link ReadAndSumFn#FLUSH_AFTER_PAYMENTS};
 *   <li>an accepted payment to a person with allowance rows, who may be in the gap, is set aside
 *       whole (a gap candidate, about 3 % of a national year), packed into batches that travel
 *       with the partial totals ({@link CandidateBatches}).
 * </ul>
 *
 * <p>The sums are provisional: the duplicate rule decides later which rows it rejects, and
 * {@link SummarisePayments} takes those out again and apportions the candidates once the person
 * gaps and the published months are known. So no payment crosses a shuffle and none is read twice
 * (unless it is a duplicate: its file is read again to report it).
 *
 * <p>Which months are summed: when {@code --from}/{@code --to} are given, the months outside them
 * are skipped; a bound not given is the first or last month of an accepted payment (contract
 * section 1), which no accepted payment lies beyond. {@link #summed} is that rule.
 */
public final class ReadPayments extends PTransform<PCollection<KV<Integer, InputFile>>, PCollectionTuple> {
  private static final long serialVersionUID = 1L;

  /** What the checks found: for {@code ingest.DecideDuplicates}. */
  public static final TupleTag<KV<Long, Finding>> FINDINGS = new TupleTag<>() {};
  /**
   * Provisional income-support partial totals ({@link PartialBatches}) and, under a key of their
   * own, batches of the accepted payments to persons with allowance rows ({@link CandidateBatches}).
   */
  public static final TupleTag<KV<Long, byte[]>> PARTIALS_AND_CANDIDATES = new TupleTag<>() {};

  private final PCollectionView<Iterable<String>> allowancePersons;
  private final YearMonth from;
  private final YearMonth to;
  private final Set<String> municipalities;

  /**
   * {@code allowancePersons}: {@link #personsWithAllowances}; {@code from}/{@code to}: the
   * arguments (null when not given); {@code municipalities}: the reference list.
   */
  public ReadPayments(PCollectionView<Iterable<String>> allowancePersons, YearMonth from, YearMonth to,
      Set<String> municipalities) {
    this.allowancePersons = allowancePersons;
    this.from = from;
    this.to = to;
    this.municipalities = new HashSet<>(municipalities);
  }

  /** The persons of {@link ReadInputs#ALLOWANCE_PERSONS} as the side input this step needs. */
  public static PCollectionView<Iterable<String>> personsWithAllowances(PCollection<String> allowancePersons) {
    return allowancePersons.apply("PersonsWithAllowances", View.asIterable());
  }

  /** Whether a payment month is summed, given the {@code --from}/{@code --to} arguments (null: not given). */
  static boolean summed(YearMonth m, YearMonth from, YearMonth to) {
    return (from == null || !m.isBefore(from)) && (to == null || !m.isAfter(to));
  }

  @Override
  public PCollectionTuple expand(PCollection<KV<Integer, InputFile>> files) {
    PCollectionTuple out = files.apply("ReadAndSumPayments",
        ParDo.of(new ReadAndSumFn(allowancePersons, from, to, municipalities)).withSideInputs(allowancePersons)
            .withOutputTags(PARTIALS_AND_CANDIDATES, TupleTagList.of(FINDINGS)));
    out.get(FINDINGS).setCoder(Finding.keyedCoder());
    out.get(PARTIALS_AND_CANDIDATES).setCoder(PartialBatches.CODER);
    return out;
  }

  /** Reads a bundle's income-support files once: findings, partial totals, candidate batches. */
  static final class ReadAndSumFn extends DoFn<KV<Integer, InputFile>, KV<Long, byte[]>> {
    /**
     * Partial totals are emitted at the latest after this many payments, which bounds the memory
     * they hold whatever the input's size (measured: four national years, 10 M payments, ran out of
     * a 1.5 GB heap when each worker held its whole partition's sums; on Flink's batch engine a
     * bundle is a whole partition).
     */
    static final long FLUSH_AFTER_PAYMENTS = 500_000;
    private static final long serialVersionUID = 1L;
    private final PCollectionView<Iterable<String>> allowancePersons;
    private final YearMonth from;
    private final YearMonth to;
    private final Set<String> municipalities;
    private transient CandidatePersons candidates;
    private transient CandidateBatches candidateBatches;
    private transient CheckFile check;
    /** Keyed by {@link PackedIncomeKey} (municipality-month): no text is built per payment. */
    private transient Map<Long, HouseholdTotals.Acc> totals;
    private transient long paymentsSinceFlush;
    /** The totals of the last municipality-month summed, and its key. */
    private transient HouseholdTotals.Acc cached;
    private transient long cachedMonthly;
    /** The payment date and municipality code {@link #cached} was chosen for, and whether that month is summed. */
    private transient java.time.LocalDate cachedDate;
    private transient String cachedCode;
    private transient boolean cachedSummed;

    ReadAndSumFn(PCollectionView<Iterable<String>> allowancePersons, YearMonth from, YearMonth to,
        Set<String> municipalities) {
      this.allowancePersons = allowancePersons;
      this.from = from;
      this.to = to;
      this.municipalities = municipalities;
    }

    @StartBundle
    public void startBundle() {
      candidates = null;
      candidateBatches = new CandidateBatches();
      check = new CheckFile(municipalities);
      totals = new HashMap<>();
      paymentsSinceFlush = 0;
      cachedMonthly = -1;
      cached = null;
      cachedDate = null;
      cachedCode = null;
    }

    @ProcessElement
    public void process(ProcessContext c) throws IOException {
      if (candidates == null) { // once per bundle: the Flink runner's side-input look-up is not cheap
        candidates = new CandidatePersons(c.sideInput(allowancePersons));
      }
      int file = c.element().getKey();
      check.check(file, c.element().getValue(), f -> c.output(FINDINGS, f), row -> add(file, row, c));
      if (paymentsSinceFlush >= FLUSH_AFTER_PAYMENTS) {
        // Partials are added after the shuffle in any number: emitting them early changes nothing
        // but their count.
        flush(c::output);
      }
    }

    private void add(int file, ParsedRow row, ProcessContext c) {
      Payment p = CanonicalRows.payment(row);
      paymentsSinceFlush++;
      // A file is mostly one municipality-month, and the reading hands a repeated date or code over
      // as the same instance: the month and the map are looked up again only when either changes.
      if (p.paymentDate != cachedDate || p.municipalityCode != cachedCode) {
        YearMonth m = YearMonth.from(p.paymentDate);
        cachedDate = p.paymentDate;
        cachedCode = p.municipalityCode;
        cachedSummed = summed(m, from, to);
        long monthly = cachedSummed ? PackedIncomeKey.pack(m, p.municipalityCode) : cachedMonthly;
        if (monthly != cachedMonthly) {
          cachedMonthly = monthly;
          cached = totals.computeIfAbsent(monthly, k -> new HouseholdTotals.Acc());
        }
      }
      if (cachedSummed) {
        HouseholdTotals.add(cached, p);
      }
      if (candidates.contains(p.personId)) {
        candidateBatches.add(new CandidatePayment(file, row.line, p), c::output);
      }
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext c) {
      check.flush(f -> c.output(FINDINGS, f, GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE));
      flush(b -> c.output(b, GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE));
      candidateBatches.flush(b -> c.output(b, GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE));
      candidateBatches = null;
      totals = null;
      check = null;
    }

    /** Emits the partial totals held so far, packed ({@link PartialBatches}), and starts afresh. */
    private void flush(java.util.function.Consumer<KV<Long, byte[]>> out) {
      PartialBatches batches = new PartialBatches();
      totals.forEach((k, acc) -> batches.add(SummarisePayments.PartialKey.income(PackedIncomeKey.cellKey(k)),
          SummarisePayments.Partial.of(acc), out));
      batches.flush(out);
      totals = new HashMap<>();
      paymentsSinceFlush = 0;
      cachedMonthly = -1;
      cached = null;
      cachedDate = null;
      cachedCode = null;
    }
  }
}
