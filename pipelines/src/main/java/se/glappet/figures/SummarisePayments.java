package se.glappet.figures;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import se.glappet.gap.Apportion;
import se.glappet.gap.PersonGap;
import se.glappet.ingest.DecideDuplicates;
import se.glappet.ingest.ReadAcceptedRows;
import se.glappet.model.MonthRange;
import se.glappet.records.DecimalCoder;
import se.glappet.records.Payment;

/**
 * Settles the payments' sums once the duplicate rule and the person gaps are known. The payments
 * were read once by {@link ReadPayments}, which summed their income-support totals per bundle
 * before the rule had decided and set the candidates for gap support aside. Here:
 *
 * <ul>
 *   <li>{@code ApportionGapSupport}: the candidates the rule accepted are apportioned to their
 *       person's gap window (contract 3, 4.1, 4.2), per bundle; the income-support partials that
 *       travel with them pass unchanged;
 *   <li>{@code TakeOutDuplicates}: every payment the rule rejected is taken out of the income-support
 *       totals of its municipality-month again (a partial with a count of −1);
 *   <li>{@code GroupPartials}, {@code AddPartials}: all partials are added per key after one shuffle;
 *       a key whose payments were all taken out again disappears.
 * </ul>
 *
 * <p>Input: {@link ReadPayments#PARTIALS_AND_CANDIDATES},
 * {@link DecideDuplicates#LOSER_PAYMENTS} and {@link DecideDuplicates#LOSER_LINES}. Output:
 * {@link #SUMS}, the exact sums per key, which {@link ComputeFigures} turns into the tables.
 */
public final class SummarisePayments extends PTransform<PCollectionTuple, PCollectionTuple> {
  private static final long serialVersionUID = 1L;

  /**
   * The exact sums, one per key: a municipality-month's income-support totals (its reasons'
   * inside), a person's gap support by paying municipality, by home municipality and by reason
   * per month, and a person's support in the recoverable window per paying municipality.
   * {@link ComputeFigures} reads them.
   */
  public static final TupleTag<KV<PartialKey, Partial>> SUMS = new TupleTag<>() {};

  static final KvCoder<PartialKey, Partial> PARTIALS = KvCoder.of(PartialKeyCoder.of(), PartialCoder.of());

  /** The kinds of partial sums. */
  enum Part {
    /** Income-support totals of a municipality-month and of its reasons ({@link HouseholdTotals}). */
    INCOME_MONTHLY, GAP_BY_PAYER, GAP_BY_PERSON, GAP_BY_REASON, GAP_IN_RECOVERABLE_WINDOW
  }

  /** The key of a partial sum in the shuffle: its kind and its cell. */
  static final class PartialKey {
    final Part part;
    final CellKey cell;

    PartialKey(Part part, CellKey cell) {
      this.part = part;
      this.cell = cell;
    }

    /** The income-support totals of a municipality-month (a cell without reason) and its reasons. */
    static PartialKey income(CellKey cell) {
      if (cell.reason != null || cell.person != null) {
        throw new IllegalArgumentException("income-support totals are kept per municipality-month: " + cell);
      }
      return new PartialKey(Part.INCOME_MONTHLY, cell);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof PartialKey && part == ((PartialKey) o).part && cell.equals(((PartialKey) o).cell);
    }

    @Override
    public int hashCode() {
      return part.hashCode() * 31 + cell.hashCode();
    }

    @Override
    public String toString() {
      return part + " " + cell;
    }
  }

  /** The kind's ordinal, then the cell key; deterministic, as the partials are grouped by it. */
  static final class PartialKeyCoder extends AtomicCoder<PartialKey> {
    private static final long serialVersionUID = 1L;
    private static final CellKey.CellKeyCoder CELL = CellKey.CellKeyCoder.of();

    static PartialKeyCoder of() {
      return new PartialKeyCoder();
    }

    @Override
    public void encode(PartialKey k, OutputStream out) throws IOException {
      out.write(k.part.ordinal());
      CELL.encode(k.cell, out);
    }

    @Override
    public PartialKey decode(InputStream in) throws IOException {
      Part part = Part.values()[in.read()];
      return new PartialKey(part, CELL.decode(in));
    }

    @Override
    public void verifyDeterministic() {}

    @Override
    public boolean consistentWithEquals() {
      return true;
    }
  }

  private final PCollectionView<MonthRange> range;
  private final PCollectionView<Map<String, PersonGap>> gapOf;
  private final YearMonth from;
  private final YearMonth to;

  /** {@code from}/{@code to}: the arguments (null when not given), as given to {@link ReadPayments}. */
  public SummarisePayments(PCollectionView<MonthRange> range, PCollectionView<Map<String, PersonGap>> gapOf,
      YearMonth from, YearMonth to) {
    this.range = range;
    this.gapOf = gapOf;
    this.from = from;
    this.to = to;
  }

  @Override
  public PCollectionTuple expand(PCollectionTuple inputs) {
    PCollectionView<Map<Integer, Iterable<Integer>>> losers =
        ReadAcceptedRows.loserLinesByFile(inputs.get(DecideDuplicates.LOSER_LINES));
    PCollection<KV<Long, byte[]>> partials = inputs.get(ReadPayments.PARTIALS_AND_CANDIDATES)
        .apply("ApportionGapSupport", ParDo.of(new ApportionFn(range, gapOf, losers))
            .withSideInputs(range, gapOf, losers))
        .setCoder(PartialBatches.CODER);
    PCollection<KV<Long, byte[]>> takenOut = inputs.get(DecideDuplicates.LOSER_PAYMENTS)
        .apply("TakeOutDuplicates", ParDo.of(new TakeOutFn(from, to)))
        .setCoder(PartialBatches.CODER);
    PCollection<KV<PartialKey, Partial>> sums = PCollectionList.of(partials).and(takenOut)
        .apply("AllPartials", Flatten.pCollections())
        .apply("GroupPartials", GroupByKey.create())
        .apply("AddPartials", ParDo.of(new AddPartialsFn()))
        .setCoder(PARTIALS);
    return PCollectionTuple.of(SUMS, sums);
  }

  /** A partial sum for one key: household totals (income support) or an amount (gap parts). */
  static final class Partial {
    HouseholdTotals.Acc totals;
    BigDecimal amount;
    /**
     * Whether {@link #totals} is this partial's own. After the first {@link #add} it is the added
     * partial's: a grouped input, which must not change (the runner may hand the same object to
     * others). It is copied on the second add only, so a key with one partial costs no copy.
     */
    private boolean ownsTotals;

    static Partial of(HouseholdTotals.Acc totals) {
      Partial p = new Partial();
      p.totals = totals;
      return p;
    }

    static Partial of(BigDecimal amount) {
      Partial p = new Partial();
      p.amount = amount;
      return p;
    }

    /** Marks this partial's totals as its own (a freshly decoded partial): adding to it copies nothing. */
    Partial owned() {
      ownsTotals = true;
      return this;
    }

    /** Adds {@code o} into this partial; {@code o} is not changed. */
    Partial add(Partial o) {
      if (o.totals != null) {
        if (totals == null) {
          totals = o.totals;
        } else if (ownsTotals) {
          HouseholdTotals.merge(totals, o.totals);
        } else { // the first merge: into a copy of the larger side, the smaller added to it
          boolean mineLarger = HouseholdTotals.households(totals) >= HouseholdTotals.households(o.totals);
          HouseholdTotals.Acc larger = mineLarger ? totals : o.totals;
          totals = HouseholdTotals.merge(HouseholdTotals.copy(larger), mineLarger ? o.totals : totals);
          ownsTotals = true;
        }
      }
      if (o.amount != null) {
        amount = amount == null ? o.amount : amount.add(o.amount);
      }
      return this;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Partial)) {
        return false;
      }
      Partial p = (Partial) o;
      return java.util.Objects.equals(totals, p.totals)
          && (amount == null ? p.amount == null : p.amount != null && amount.compareTo(p.amount) == 0);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hashCode(totals);
    }

    @Override
    public String toString() {
      return totals != null ? "Partial[" + totals + "]" : "Partial[" + amount + "]";
    }
  }

  /**
   * Apportions the candidate payments (contract section 3) that the duplicate rule accepted: a
   * payment known at obs_end, to its person's gap window, per month in the published months.
   * Partial sums per bundle. The income-support partials among its input pass unchanged.
   */
  static final class ApportionFn extends DoFn<KV<Long, byte[]>, KV<Long, byte[]>> {
    private static final long serialVersionUID = 1L;
    private final PCollectionView<MonthRange> rangeView;
    private final PCollectionView<Map<String, PersonGap>> gapOf;
    private final PCollectionView<Map<Integer, Iterable<Integer>>> losers;
    private transient MonthRange range;
    private transient Map<String, PersonGap> gaps;
    private transient Set<Long> loserLines;
    private transient Map<PartialKey, BigDecimal> amounts;

    ApportionFn(PCollectionView<MonthRange> rangeView, PCollectionView<Map<String, PersonGap>> gapOf,
        PCollectionView<Map<Integer, Iterable<Integer>>> losers) {
      this.rangeView = rangeView;
      this.gapOf = gapOf;
      this.losers = losers;
    }

    @StartBundle
    public void startBundle() {
      range = null;
      amounts = new HashMap<>();
    }

    @ProcessElement
    public void process(ProcessContext c) {
      if (range == null) { // side inputs once per bundle: the Flink runner's look-up is not cheap
        range = c.sideInput(rangeView);
        gaps = new HashMap<>(c.sideInput(gapOf)); // a plain map: the view's look-up is slower
        loserLines = new HashSet<>();
        c.sideInput(losers).forEach((file, lines) -> lines.forEach(l -> loserLines.add(at(file, l))));
      }
      if (!CandidateBatches.isCandidates(c.element())) {
        c.output(c.element());
        return;
      }
      CandidateBatches.forEach(c.element().getValue(), this::apportion);
    }

    private void apportion(CandidatePayment cp) {
      if (loserLines.contains(at(cp.file, cp.line))) {
        return; // the duplicate rule rejected it
      }
      Payment p = cp.payment;
      if (range.isEmpty() || !p.paymentDate.isBefore(range.obsEnd())) {
        return;
      }
      PersonGap g = gaps.get(p.personId);
      if (g == null) {
        return;
      }
      for (Map.Entry<YearMonth, BigDecimal> e : Apportion.gapSupportByMonth(p, g).entrySet()) {
        YearMonth m = e.getKey();
        if (!range.contains(m)) {
          continue;
        }
        add(Part.GAP_BY_PAYER, CellKey.of(m, p.municipalityCode).withPerson(p.personId), e.getValue());
        add(Part.GAP_BY_PERSON, CellKey.of(m, g.homeMunicipality()).withPerson(p.personId), e.getValue());
        if (p.reason.isGapReason()) {
          add(Part.GAP_BY_REASON, CellKey.of(m, p.municipalityCode, p.reason).withPerson(p.personId), e.getValue());
        }
      }
      BigDecimal inR = Apportion.partInRecoverableWindow(p, g);
      if (inR.signum() != 0) {
        add(Part.GAP_IN_RECOVERABLE_WINDOW, CellKey.personAndPayer(p.personId, p.municipalityCode), inR);
      }
    }

    private static long at(int file, int line) {
      return (long) file << 32 | (line & 0xFFFFFFFFL);
    }

    private void add(Part part, CellKey key, BigDecimal amount) {
      amounts.merge(new PartialKey(part, key), amount, BigDecimal::add);
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext c) {
      PartialBatches batches = new PartialBatches();
      Consumer<KV<Long, byte[]>> out = b -> c.output(b, GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
      amounts.forEach((k, v) -> batches.add(k, Partial.of(v), out));
      batches.flush(out);
      amounts = null;
    }
  }

  /**
   * Takes the payments the duplicate rule rejected out of the income-support totals that
   * {@link ReadPayments} made before the rule had decided: one partial per loser, with a count of
   * −1 (contract 2.7: the sums are as if the rejected rows had never been read).
   */
  static final class TakeOutFn extends DoFn<Payment, KV<Long, byte[]>> {
    private static final long serialVersionUID = 1L;
    private final YearMonth from;
    private final YearMonth to;
    private transient PartialBatches batches;

    TakeOutFn(YearMonth from, YearMonth to) {
      this.from = from;
      this.to = to;
    }

    @StartBundle
    public void startBundle() {
      batches = new PartialBatches();
    }

    @ProcessElement
    public void process(@Element Payment p, OutputReceiver<KV<Long, byte[]>> out) {
      YearMonth m = YearMonth.from(p.paymentDate);
      if (!ReadPayments.summed(m, from, to)) {
        return; // never added
      }
      batches.add(PartialKey.income(CellKey.of(m, p.municipalityCode)),
          Partial.of(HouseholdTotals.remove(new HouseholdTotals.Acc(), p)), out::output);
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext c) {
      batches.flush(b -> c.output(b, GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE));
      batches = null;
    }
  }

  /**
   * Adds the partial sums of one bucket of keys ({@link PartialBatches}): every batch is decoded
   * once and added by key in memory; each key's exact sum leaves.
   */
  static final class AddPartialsFn extends DoFn<KV<Long, Iterable<byte[]>>, KV<PartialKey, Partial>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element KV<Long, Iterable<byte[]>> bucket, OutputReceiver<KV<PartialKey, Partial>> out) {
      Map<PartialKey, Partial> sums = new HashMap<>();
      for (byte[] batch : bucket.getValue()) {
        PartialBatches.addAll(batch, sums);
      }
      sums.forEach((k, v) -> out.output(KV.of(k, v)));
    }
  }

  /** A kind byte (0 totals, 1 amount), then the value. */
  static final class PartialCoder extends AtomicCoder<Partial> {
    private static final long serialVersionUID = 1L;
    private static final HouseholdTotalsCoder TOTALS_CODER = new HouseholdTotalsCoder();

    static PartialCoder of() {
      return new PartialCoder();
    }

    @Override
    public void encode(Partial p, OutputStream out) throws IOException {
      if (p.totals != null) {
        out.write(0);
        TOTALS_CODER.encode(p.totals, out);
      } else {
        out.write(1);
        DecimalCoder.of().encode(p.amount == null ? BigDecimal.ZERO : p.amount, out);
      }
    }

    @Override
    public Partial decode(InputStream in) throws IOException {
      return in.read() == 0 ? Partial.of(TOTALS_CODER.decode(in)) : Partial.of(DecimalCoder.of().decode(in));
    }
  }
}
