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
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import se.glappet.gap.Apportion;
import se.glappet.gap.PersonGap;
import se.glappet.ingest.CanonicalRows;
import se.glappet.ingest.Dataset;
import se.glappet.ingest.InputFile;
import se.glappet.ingest.ReadAcceptedRows;
import se.glappet.ingest.ReadInputs;
import se.glappet.model.MonthRange;
import se.glappet.records.DecimalCoder;
import se.glappet.records.Payment;
import se.glappet.records.ReasonCode;

/**
 * The one pass over the payments, the only large dataset. Each income-support file is read a
 * second time ({@link ReadAcceptedRows#readAccepted}, duplicates' losers skipped) and its payments are
 * summed at once, per bundle, into partial income-support totals (contract 4.3, 4.4) and
 * apportioned gap parts (contract 3, 4.1, 4.2). The partials leave the bundle when it finishes,
 * are added per key after one shuffle, and are split into the exact sums that
 * {@link ComputeIncomeSupportFigures} and {@link ComputeGapFigures} publish.
 *
 * <p>Why one step: on Flink, a step with side inputs cannot be fused with the step before it, and
 * a collection read by several steps (or a step with several outputs) is serialized once per
 * reader. Reading, apportioning and summing in one step with one output leaves the 2.5 million
 * payments of a national year in the reading thread.
 *
 * <p>Input: the tuple of {@link ReadInputs}. Output: the six tags below, one exact sum per key.
 */
public final class SummarisePayments extends PTransform<PCollectionTuple, PCollectionTuple> {
  private static final long serialVersionUID = 1L;

  /** Income-support totals per municipality-month. */
  public static final TupleTag<KV<CellKey, IncomeSupportTotals>> INCOME_MONTHLY = new TupleTag<>() {};
  /** Income-support totals per municipality-month and reason. */
  public static final TupleTag<KV<CellKey, IncomeSupportTotals>> INCOME_BY_REASON = new TupleTag<>() {};
  /** Gap support per month, paying municipality and person. */
  public static final TupleTag<KV<CellKey, BigDecimal>> GAP_BY_PAYER = new TupleTag<>() {};
  /** Gap support per month, home municipality and person. */
  public static final TupleTag<KV<CellKey, BigDecimal>> GAP_BY_PERSON = new TupleTag<>() {};
  /** Gap support with a gap reason per month, paying municipality, reason and person. */
  public static final TupleTag<KV<CellKey, BigDecimal>> GAP_BY_REASON = new TupleTag<>() {};
  /** Support in the recoverable window per person and paying municipality (no month). */
  public static final TupleTag<KV<CellKey, BigDecimal>> GAP_IN_RECOVERABLE_WINDOW = new TupleTag<>() {};

  /** A municipality and an amount. */
  static final KvCoder<String, BigDecimal> AMOUNTS = KvCoder.of(StringUtf8Coder.of(), DecimalCoder.of());
  static final KvCoder<CellKey, BigDecimal> CELL_AMOUNTS = KvCoder.of(CellKey.CellKeyCoder.of(), DecimalCoder.of());
  static final KvCoder<CellKey, IncomeSupportTotals> TOTALS =
      KvCoder.of(CellKey.CellKeyCoder.of(), IncomeSupportTotals.TotalsCoder.of());

  /** The kinds of partial sums, one per output. */
  enum Part {
    INCOME_MONTHLY, INCOME_BY_REASON, GAP_BY_PAYER, GAP_BY_PERSON, GAP_BY_REASON, GAP_IN_RECOVERABLE_WINDOW
  }

  /** The key of a partial sum in the shuffle: its kind and its cell. */
  static final class PartialKey {
    final Part part;
    final CellKey cell;

    PartialKey(Part part, CellKey cell) {
      this.part = part;
      this.cell = cell;
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
  private final Set<String> municipalities;

  /** {@code municipalities}: the reference list, as given to {@link ReadInputs}. */
  public SummarisePayments(PCollectionView<MonthRange> range, PCollectionView<Map<String, PersonGap>> gapOf,
      Set<String> municipalities) {
    this.range = range;
    this.gapOf = gapOf;
    this.municipalities = new HashSet<>(municipalities);
  }

  @Override
  public PCollectionTuple expand(PCollectionTuple inputs) {
    PCollectionView<Map<Integer, Iterable<Integer>>> losers =
        ReadAcceptedRows.loserLinesByFile(inputs.get(ReadInputs.LOSER_LINES));
    PCollectionTuple out = inputs.get(ReadInputs.FILES_TO_READ)
        .apply("ReadAndSumPayments", ParDo.of(new ReadAndSumFn(range, gapOf, losers, municipalities))
            .withSideInputs(range, gapOf, losers))
        .setCoder(KvCoder.of(PartialKeyCoder.of(), PartialCoder.of()))
        .apply("GroupPartials", GroupByKey.create())
        .apply("AddPartials", ParDo.of(new AddPartialsFn()))
        .setCoder(KvCoder.of(PartialKeyCoder.of(), PartialCoder.of()))
        .apply("SplitSums", ParDo.of(new SplitFn()).withOutputTags(INCOME_MONTHLY,
            TupleTagList.of(INCOME_BY_REASON).and(GAP_BY_PAYER).and(GAP_BY_PERSON).and(GAP_BY_REASON)
                .and(GAP_IN_RECOVERABLE_WINDOW)));
    out.get(INCOME_MONTHLY).setCoder(TOTALS);
    out.get(INCOME_BY_REASON).setCoder(TOTALS);
    for (TupleTag<KV<CellKey, BigDecimal>> t : java.util.List.of(GAP_BY_PAYER, GAP_BY_PERSON, GAP_BY_REASON,
        GAP_IN_RECOVERABLE_WINDOW)) {
      out.get(t).setCoder(CELL_AMOUNTS);
    }
    return out;
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

    /** Adds {@code o} into this partial; {@code o} is not changed. */
    Partial add(Partial o) {
      if (o.totals != null) {
        if (totals == null) {
          totals = o.totals;
        } else if (ownsTotals) {
          HouseholdTotals.merge(totals, o.totals);
        } else { // the first merge: into a copy of the larger side, the smaller added to it
          boolean mineLarger = totals.personsByHousehold.size() >= o.totals.personsByHousehold.size();
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

  /** Reads a bundle's income-support files and sums their payments per key. */
  static final class ReadAndSumFn extends DoFn<KV<Integer, InputFile>, KV<PartialKey, Partial>> {
    /**
     * Partial sums are emitted at the latest after this many payments, which bounds the memory
     * they hold whatever the input's size (measured: four national years, 10 M payments, ran out of
     * a 1.5 GB heap when each worker held its whole partition's sums).
     */
    static final long FLUSH_AFTER_PAYMENTS = 500_000;
    private static final long serialVersionUID = 1L;
    private final PCollectionView<MonthRange> rangeView;
    private final PCollectionView<Map<String, PersonGap>> gapOf;
    private final PCollectionView<Map<Integer, Iterable<Integer>>> losers;
    private final Set<String> municipalities;
    private transient MonthRange range;
    private transient Map<String, PersonGap> gaps;
    private transient Map<Integer, Iterable<Integer>> losersByFile;
    /** Keyed by {@link PackedIncomeKey}: no text is built per payment. */
    private transient Map<Long, HouseholdTotals.Acc> totals;
    private transient Map<PartialKey, BigDecimal> amounts;
    private transient long paymentsSinceFlush;

    ReadAndSumFn(PCollectionView<MonthRange> rangeView, PCollectionView<Map<String, PersonGap>> gapOf,
        PCollectionView<Map<Integer, Iterable<Integer>>> losers, Set<String> municipalities) {
      this.rangeView = rangeView;
      this.gapOf = gapOf;
      this.losers = losers;
      this.municipalities = municipalities;
    }

    @StartBundle
    public void startBundle() {
      range = null;
      totals = new HashMap<>();
      amounts = new HashMap<>();
      paymentsSinceFlush = 0;
    }

    @ProcessElement
    public void process(ProcessContext c) throws IOException {
      InputFile file = c.element().getValue();
      if (file.dataset != Dataset.INCOME_SUPPORT) {
        return;
      }
      if (range == null) { // side inputs once per bundle: the Flink runner's look-up is not cheap
        range = c.sideInput(rangeView);
        gaps = new HashMap<>(c.sideInput(gapOf)); // a plain map: the view's look-up is slower
        losersByFile = c.sideInput(losers);
      }
      ReadAcceptedRows.readAccepted(file, municipalities,
          ReadAcceptedRows.linesToSkip(losersByFile, c.element().getKey()),
          CanonicalRows::payment, this::add);
      if (paymentsSinceFlush >= FLUSH_AFTER_PAYMENTS) {
        // On Flink's batch engine a bundle is a whole partition: without this, the partial sums of
        // four national years outgrew a 1.5 GB heap. Partials are added after the shuffle in any
        // number, so emitting them early changes nothing but their count.
        flush((k, v) -> c.output(KV.of(k, v)));
      }
    }

    private void add(Payment p) {
      paymentsSinceFlush++;
      addIncomeSupport(p);
      addGapParts(p);
    }

    /** Contract 4.3 and 4.4: every payment dated in the published months, by household. */
    private void addIncomeSupport(Payment p) {
      YearMonth m = YearMonth.from(p.paymentDate);
      if (!range.contains(m)) {
        return;
      }
      long monthly = PackedIncomeKey.pack(m, p.municipalityCode, null);
      HouseholdTotals.add(totals.computeIfAbsent(monthly, k -> new HouseholdTotals.Acc()), p);
      HouseholdTotals.add(totals.computeIfAbsent(PackedIncomeKey.pack(m, p.municipalityCode, p.reason),
          k -> new HouseholdTotals.Acc()), p);
    }

    /** Contract section 3: a payment known at obs_end, apportioned to its person's gap window. */
    private void addGapParts(Payment p) {
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
        addAmount(Part.GAP_BY_PAYER, CellKey.of(m, p.municipalityCode).withPerson(p.personId), e.getValue());
        addAmount(Part.GAP_BY_PERSON, CellKey.of(m, g.homeMunicipality()).withPerson(p.personId), e.getValue());
        if (p.reason.isGapReason()) {
          addAmount(Part.GAP_BY_REASON, CellKey.of(m, p.municipalityCode, p.reason).withPerson(p.personId),
              e.getValue());
        }
      }
      BigDecimal inR = Apportion.partInRecoverableWindow(p, g);
      if (inR.signum() != 0) {
        addAmount(Part.GAP_IN_RECOVERABLE_WINDOW, CellKey.personAndPayer(p.personId, p.municipalityCode), inR);
      }
    }

    private void addAmount(Part part, CellKey key, BigDecimal amount) {
      amounts.merge(new PartialKey(part, key), amount, BigDecimal::add);
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext c) {
      flush((k, v) -> c.output(KV.of(k, v), GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE));
      totals = null;
      amounts = null;
    }

    /** Emits the partial sums held so far and starts afresh. */
    private void flush(java.util.function.BiConsumer<PartialKey, Partial> out) {
      totals.forEach((k, acc) -> {
        CellKey cell = PackedIncomeKey.cellKey(k);
        Part part = cell.reason == null ? Part.INCOME_MONTHLY : Part.INCOME_BY_REASON;
        out.accept(new PartialKey(part, cell), Partial.of(acc));
      });
      amounts.forEach((k, v) -> out.accept(k, Partial.of(v)));
      totals = new HashMap<>();
      amounts = new HashMap<>();
      paymentsSinceFlush = 0;
    }
  }

  /**
   * Adds a key's partial sums. A GroupByKey, not a Combine: each bundle already summed its
   * payments, so a combiner before the shuffle would only sort and re-encode the partials.
   */
  static final class AddPartialsFn extends DoFn<KV<PartialKey, Iterable<Partial>>, KV<PartialKey, Partial>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element KV<PartialKey, Iterable<Partial>> group,
        OutputReceiver<KV<PartialKey, Partial>> out) {
      Partial sum = new Partial();
      for (Partial p : group.getValue()) {
        sum.add(p);
      }
      out.output(KV.of(group.getKey(), sum));
    }
  }

  /** Sends each exact sum to its output under its cell key. */
  static final class SplitFn extends DoFn<KV<PartialKey, Partial>, KV<CellKey, IncomeSupportTotals>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element KV<PartialKey, Partial> kv, MultiOutputReceiver out) {
      CellKey key = kv.getKey().cell;
      Partial p = kv.getValue();
      switch (kv.getKey().part) {
        case INCOME_MONTHLY:
          out.get(INCOME_MONTHLY).output(KV.of(key, HouseholdTotals.totals(p.totals)));
          break;
        case INCOME_BY_REASON:
          out.get(INCOME_BY_REASON).output(KV.of(key, HouseholdTotals.totals(p.totals)));
          break;
        case GAP_BY_PAYER:
          out.get(GAP_BY_PAYER).output(KV.of(key, p.amount));
          break;
        case GAP_BY_PERSON:
          out.get(GAP_BY_PERSON).output(KV.of(key, p.amount));
          break;
        case GAP_BY_REASON:
          out.get(GAP_BY_REASON).output(KV.of(key, p.amount));
          break;
        default:
          out.get(GAP_IN_RECOVERABLE_WINDOW).output(KV.of(key, p.amount));
      }
    }
  }

  /** A kind byte (0 totals, 1 amount), then the value. */
  static final class PartialCoder extends AtomicCoder<Partial> {
    private static final long serialVersionUID = 1L;
    private static final HouseholdTotals.AccCoder TOTALS_CODER = new HouseholdTotals.AccCoder();

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
