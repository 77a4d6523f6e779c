package se.glappet.figures;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * Partial sums of income-support payments for one group (a household in a month, then a
 * municipality in a month): households, persons, payments, amount and the gap-reason amount.
 * Mergeable, so the pipeline aggregates with combiners before any shuffle.
 */
public final class IncomeSupportTotals implements Serializable {
  private static final long serialVersionUID = 1L;

  public long households;
  public long persons;
  public long payments;
  public BigDecimal amount = BigDecimal.ZERO;
  public BigDecimal gapReasonAmount = BigDecimal.ZERO;

  public IncomeSupportTotals merge(IncomeSupportTotals o) {
    households += o.households;
    persons += o.persons;
    payments += o.payments;
    amount = amount.add(o.amount);
    gapReasonAmount = gapReasonAmount.add(o.gapReasonAmount);
    return this;
  }

  /** For one household and month: persons is the largest adults + children seen, not a sum. */
  public IncomeSupportTotals mergeWithinHousehold(IncomeSupportTotals o) {
    persons = Math.max(persons, o.persons);
    households = Math.max(households, o.households);
    payments += o.payments;
    amount = amount.add(o.amount);
    gapReasonAmount = gapReasonAmount.add(o.gapReasonAmount);
    return this;
  }
}
