package se.glappet.figures;

import java.math.BigDecimal;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptor;
import se.glappet.gap.Money;
import se.glappet.model.OutputTable;

/**
 * Contract sections 4.3 and 4.4 before disclosure control: per municipality and month of
 * {@code payment_date}, every accepted payment (corrections included) counted by household, then
 * summed ({@link HouseholdTotals}, by {@link SummarisePayments}); and the same per reason. Here the
 * totals become the published rows.
 */
public final class ComputeIncomeSupportFigures extends PTransform<PCollectionTuple, PCollectionTuple> {
  private static final long serialVersionUID = 1L;
  public static final TupleTag<Row> MONTHLY = new TupleTag<>() {};
  public static final TupleTag<Row> BY_REASON = new TupleTag<>() {};
  /** Exact totals per municipality-month, for the comparisons. */
  public static final TupleTag<KV<CellKey, IncomeSupportTotals>> TOTALS = new TupleTag<>() {};

  /** Input: the totals of {@link SummarisePayments}. */
  @Override
  public PCollectionTuple expand(PCollectionTuple summaries) {
    PCollection<KV<CellKey, IncomeSupportTotals>> totals = summaries.get(SummarisePayments.INCOME_MONTHLY);
    PCollection<Row> monthly = totals
        .apply("ToMonthlyRows", MapElements.into(TypeDescriptor.of(Row.class)).via(kv -> monthlyRow(kv)))
        .setRowSchema(OutputTable.INCOME_SUPPORT_MONTHLY.beamSchema());

    PCollection<Row> byReason = summaries.get(SummarisePayments.INCOME_BY_REASON)
        .apply("ToByReasonRows", MapElements.into(TypeDescriptor.of(Row.class)).via(kv -> byReasonRow(kv)))
        .setRowSchema(OutputTable.INCOME_SUPPORT_BY_REASON.beamSchema());

    return PCollectionTuple.of(MONTHLY, monthly).and(BY_REASON, byReason).and(TOTALS, totals);
  }

  static Row monthlyRow(KV<CellKey, IncomeSupportTotals> kv) {
    CellKey k = kv.getKey();
    IncomeSupportTotals t = kv.getValue();
    return OutputTable.INCOME_SUPPORT_MONTHLY.row()
        .set("period", k.period.toString())
        .set("municipality_code", k.municipality)
        .set("households", t.households)
        .set("persons", t.persons)
        .set("payments", t.payments)
        .set("amount_sek", Money.publish(t.amount))
        .set("amount_per_household_sek", Money.publish(Money.divide(t.amount, BigDecimal.valueOf(t.households))))
        .set("gap_reason_amount_sek", Money.publish(t.gapReasonAmount))
        .build();
  }

  static Row byReasonRow(KV<CellKey, IncomeSupportTotals> kv) {
    CellKey k = kv.getKey();
    IncomeSupportTotals t = kv.getValue();
    return OutputTable.INCOME_SUPPORT_BY_REASON.row()
        .set("period", k.period.toString())
        .set("municipality_code", k.municipality)
        .set("reason_code", k.reason.name())
        .set("households", t.households)
        .set("amount_sek", Money.publish(t.amount))
        .build();
  }
}
