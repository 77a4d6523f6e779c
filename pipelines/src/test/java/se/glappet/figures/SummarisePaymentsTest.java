package se.glappet.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.IterableCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;

/** The plain parts of SummarisePayments: packed keys and adding partial sums. */
class SummarisePaymentsTest {
  @Test
  void incomeKeysRoundTripToTheirCellKeys() {
    long monthly = PackedIncomeKey.pack(YearMonth.of(2011, 1), "0180");
    assertEquals(CellKey.of(YearMonth.of(2011, 1), "0180"), PackedIncomeKey.cellKey(monthly));
    assertNotEquals(monthly, PackedIncomeKey.pack(YearMonth.of(2011, 1), "0181"));
    assertNotEquals(monthly, PackedIncomeKey.pack(YearMonth.of(2011, 2), "0180"));
    long lowest = PackedIncomeKey.pack(YearMonth.of(1999, 12), "0000");
    assertEquals(CellKey.of(YearMonth.of(1999, 12), "0000"), PackedIncomeKey.cellKey(lowest));
    long highest = PackedIncomeKey.pack(YearMonth.of(2099, 12), "9999");
    assertEquals(CellKey.of(YearMonth.of(2099, 12), "9999"), PackedIncomeKey.cellKey(highest));
  }

  @Test
  void partialsAddAmountsAndHouseholdTotals() {
    SummarisePayments.Partial sum = new SummarisePayments.Partial();
    sum.add(SummarisePayments.Partial.of(new BigDecimal("10.50")));
    sum.add(new SummarisePayments.Partial()); // an empty partial adds nothing
    sum.add(SummarisePayments.Partial.of(new BigDecimal("-0.25")));
    assertEquals(new BigDecimal("10.25"), sum.amount);

    HouseholdTotals.Acc a = FigureCodersTest.acc(1, "100", "0", "a1", 2);
    HouseholdTotals.Acc b = FigureCodersTest.acc(2, "50", "0", "a1", 3, "a2", 1);
    SummarisePayments.Partial t = new SummarisePayments.Partial()
        .add(SummarisePayments.Partial.of(a)).add(SummarisePayments.Partial.of(b));
    IncomeSupportTotals totals = HouseholdTotals.totals(t.totals);
    assertEquals(2, totals.households);
    assertEquals(4, totals.persons); // h1 at its largest (3) + h2 (1)
    assertEquals(3, totals.payments);
    assertEquals(new BigDecimal("150"), totals.amount);
  }

  @Test
  void addingPartialsChangesNoneOfThem() {
    HouseholdTotals.Acc a = FigureCodersTest.acc(1, "100", "0", "0123456789abcdef", 2);
    HouseholdTotals.Acc b = FigureCodersTest.acc(2, "50", "50", "0123456789abcdef", 3, "fedcba9876543210", 1);
    HouseholdTotals.Acc c = FigureCodersTest.acc(1, "7", "0", "aaaaaaaaaaaaaaaa", 4);
    SummarisePayments.Partial pa = SummarisePayments.Partial.of(a);
    SummarisePayments.Partial pb = SummarisePayments.Partial.of(b);
    SummarisePayments.Partial pc = SummarisePayments.Partial.of(c);
    SummarisePayments.Partial sum = new SummarisePayments.Partial().add(pa).add(pb).add(pc);
    assertEquals(FigureCodersTest.acc(1, "100", "0", "0123456789abcdef", 2), pa.totals);
    assertEquals(FigureCodersTest.acc(2, "50", "50", "0123456789abcdef", 3, "fedcba9876543210", 1), pb.totals);
    assertEquals(FigureCodersTest.acc(1, "7", "0", "aaaaaaaaaaaaaaaa", 4), pc.totals);
    HouseholdTotals.Acc expected = FigureCodersTest.acc(4, "157", 2, "50", "fedcba9876543210", 1, "aaaaaaaaaaaaaaaa", 4);
    HouseholdTotals.addSizes(expected, "0123456789abcdef",
        HouseholdTotals.entry(2, 1), HouseholdTotals.entry(3, 1)); // both sizes seen
    assertEquals(expected, sum.totals);
  }

  /**
   * The runner's immutability check on a grouped input: before the fix, adding merged the later
   * partials into the first one's totals, and the DirectRunner failed with IllegalMutationException.
   */
  @Test
  void addPartialsLeavesItsGroupedInputUnchanged() {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner",
        "--enforceImmutability=true", "--enforceEncodability=true").create());
    // Two bundles' partials of one key, each packed as its bundle packs them.
    List<byte[]> batches = new java.util.ArrayList<>();
    SummarisePayments.PartialKey key = new SummarisePayments.PartialKey(SummarisePayments.Part.INCOME_MONTHLY,
        CellKey.of(java.time.YearMonth.of(2011, 1), "0127"));
    long[] bucket = new long[1];
    for (HouseholdTotals.Acc acc : List.of(FigureCodersTest.acc(1, "100", "0", "0123456789abcdef", 2),
        FigureCodersTest.acc(2, "50", "50", "0123456789abcdef", 3, "fedcba9876543210", 1))) {
      PartialBatches packer = new PartialBatches();
      packer.add(key, SummarisePayments.Partial.of(acc), b -> batches.add(b.getValue()));
      packer.flush(b -> {
        bucket[0] = b.getKey();
        batches.add(b.getValue());
      });
    }
    assertEquals(2, batches.size());
    PCollection<IncomeSupportTotals> totals = p
        .apply(Create.of(KV.of(bucket[0], (Iterable<byte[]>) batches))
            .withCoder(KvCoder.of(org.apache.beam.sdk.coders.VarLongCoder.of(),
                IterableCoder.of(org.apache.beam.sdk.coders.ByteArrayCoder.of()))))
        .apply(ParDo.of(new SummarisePayments.AddPartialsFn()))
        .setCoder(KvCoder.of(SummarisePayments.PartialKeyCoder.of(), SummarisePayments.PartialCoder.of()))
        .apply(org.apache.beam.sdk.transforms.MapElements.into(
            org.apache.beam.sdk.values.TypeDescriptor.of(IncomeSupportTotals.class))
            .via(kv -> HouseholdTotals.totals(kv.getValue().totals)))
        .setCoder(IncomeSupportTotals.TotalsCoder.of());
    IncomeSupportTotals expected = new IncomeSupportTotals();
    expected.households = 2;
    expected.persons = 4; // the first household at its largest (3), the second (1)
    expected.payments = 3;
    expected.amount = new BigDecimal("150");
    expected.gapReasonAmount = new BigDecimal("50");
    PAssert.that(totals).containsInAnyOrder(expected);
    p.run().waitUntilFinish();
  }
}
