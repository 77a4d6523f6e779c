package se.glappet.generate;

import se.glappet.records.ReasonCode;

/** One income-support payment before it is written; the payment id is given when its file is written. */
final class PaymentRow {
  /** Position of the paying municipality in the selection. */
  final int payer;
  final String householdId;
  final String personId;
  final int paymentDate;
  final int coversFrom;
  final int coversTo;
  final long amountOre;
  final ReasonCode reason;
  final int adults;
  final int children;
  /** True for a newcomer's payment (never made dirty, so the gap figures stay as generated). */
  final boolean newcomer;
  String paymentId;

  PaymentRow(
      int payer, String householdId, String personId, int paymentDate, int coversFrom, int coversTo,
      long amountOre, ReasonCode reason, int adults, int children, boolean newcomer) {
    this.payer = payer;
    this.householdId = householdId;
    this.personId = personId;
    this.paymentDate = paymentDate;
    this.coversFrom = coversFrom;
    this.coversTo = coversTo;
    this.amountOre = amountOre;
    this.reason = reason;
    this.adults = adults;
    this.children = children;
    this.newcomer = newcomer;
  }
}
