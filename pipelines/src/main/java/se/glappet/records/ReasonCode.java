package se.glappet.records;

/** The reason codes of income-support payments, in the contract's order (section 2.6). */
public enum ReasonCode {
  WAITING_PLAN(true, "Väntar på etableringsplan"),
  WAITING_PAYMENT(true, "Väntar på första utbetalning"),
  BELOW_NORM(true, "Etableringsersättning under norm"),
  OUTSIDE_TARGET_GROUP(true, "Utanför etableringsuppdraget"),
  FAMILY_REUNION(true, "Anhörig utan egen plan"),
  ALLOWANCE_REDUCED(true, "Nedsatt eller indragen ersättning"),
  PLAN_ENDED(true, "Etableringstiden avslutad"),
  SECONDARY_MOVE(true, "Sekundärflytt"),
  UNEMPLOYED(false, "Arbetslöshet"),
  SICK(false, "Sjukdom"),
  OTHER(false, "Övrigt");

  private final boolean gapReason;
  private final String swedishLabel;

  ReasonCode(boolean gapReason, String swedishLabel) {
    this.gapReason = gapReason;
    this.swedishLabel = swedishLabel;
  }

  /** True for the eight reasons that describe a gap in the establishment reform. */
  public boolean isGapReason() {
    return gapReason;
  }

  public String swedishLabel() {
    return swedishLabel;
  }
}
