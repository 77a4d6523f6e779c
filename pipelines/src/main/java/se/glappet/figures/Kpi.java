package se.glappet.figures;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/**
 * The comparison KPIs of contract section 4.5, each declared once: its code (the {@code kpi}
 * column), its Swedish and English labels, its unit, how a municipality's numerator, denominator
 * and base are taken from its month ({@link NationalComparison.Input}), and the "also" counts that
 * section 4.6 tests like the base. {@link NationalComparison} computes from this, the RIM export
 * ({@code publish.RimExport}) labels and explains from it, and the dashboard receives the labels
 * and units from it through {@code cli.Dashboards}.
 *
 * <p>To add a KPI: a constant here (and, for a new unit, its formatting in the dashboard's script).
 */
public enum Kpi {
  INCOME_SUPPORT_PER_INHABITANT(
      "Försörjningsstöd per invånare (kr)", "Försörjningsstöd per invånare, kr",
      "Income support per inhabitant (SEK)", Unit.SEK_PER_INHABITANT,
      "Försörjningsstöd per invånare: utbetalt försörjningsstöd / folkmängd (bas: hushåll)",
      in -> in.income == null ? BigDecimal.ZERO : in.income.amount,
      in -> in.population == null ? null : BigDecimal.valueOf(in.population),
      in -> in.income == null ? 0L : in.income.households,
      List.of()),
  HOUSEHOLDS_PER_1000_INHABITANTS(
      "Hushåll med försörjningsstöd per 1 000 invånare", "Hushåll med försörjningsstöd per 1\u00a0000 invånare",
      "Households with income support per 1,000 inhabitants", Unit.PER_1000_INHABITANTS,
      "Hushåll per 1 000 invånare: 1 000 × hushåll med försörjningsstöd / folkmängd (bas: hushåll)",
      in -> BigDecimal.valueOf(1000 * (in.income == null ? 0L : in.income.households)),
      in -> in.population == null ? null : BigDecimal.valueOf(in.population),
      in -> in.income == null ? 0L : in.income.households,
      List.of()),
  GAP_SUPPORT_PER_NEWCOMER(
      "Försörjningsstöd i glappet per mottagen nyanländ (kr)", "Försörjningsstöd i glappet per mottagen nyanländ, kr",
      "Gap income support per newcomer received (SEK)", Unit.SEK,
      "Stöd i glappet per mottagen nyanländ: försörjningsstöd i glappet / mottagna enligt KIS\r\n"
          + "  (bas: personer med stöd i glappet; även antal mottagna prövas)",
      in -> in.gap.gapSupportSek,
      in -> in.gap.newcomersReceived == null ? null : BigDecimal.valueOf(in.gap.newcomersReceived),
      in -> in.gap.gapSupportPersons,
      List.of(in -> in.gap.newcomersReceived)),
  RECOVERABLE_SHARE(
      "Andel av stödet i glappet som kan återsökas", "Andel återsökningsbart av stödet i glappet, %",
      "Share of gap support recoverable", Unit.SHARE,
      "Andel som kan återsökas: återsökningsbart belopp / stöd i glappet (bas: personer med\r\n"
          + "  återsökningsbart belopp; även personer med stöd i glappet prövas)",
      in -> in.gap.recoverableSek,
      in -> in.gap.gapSupportSek,
      in -> in.gap.recoverablePersons,
      List.of(in -> in.gap.gapSupportPersons)),
  /** Not a ratio: the median of the closed gaps' cash-gap days; it does not rest on payments. */
  MEDIAN_CASH_GAP_DAYS(
      "Mediantid i glappet till första utbetalning (dagar)", "Mediantid i glappet, dagar",
      "Median days in the gap to the first payment", Unit.DAYS,
      "Mediantid i glappet: median av antal dagar från första dagen utan LMA till första\r\n"
          + "  utbetalningen av etableringsersättning, för glapp som stängdes under månaden (bas: antal)",
      null, null, in -> in.gap.gapsClosed(), List.of());

  /** A KPI's unit; the dashboard formats values by it. */
  public enum Unit {
    /** Kronor (whole kronor on the page). */
    SEK,
    /** Kronor per inhabitant (one decimal). */
    SEK_PER_INHABITANT,
    /** A rate per 1 000 inhabitants. */
    PER_1000_INHABITANTS,
    /** A share between 0 and 1 (a percentage on the page). */
    SHARE,
    /** Days. */
    DAYS
  }

  /** The order of the dashboard's KPI list; its first is shown first. */
  public static final List<Kpi> DASHBOARD_ORDER = List.of(GAP_SUPPORT_PER_NEWCOMER, MEDIAN_CASH_GAP_DAYS,
      RECOVERABLE_SHARE, INCOME_SUPPORT_PER_INHABITANT, HOUSEHOLDS_PER_1000_INHABITANTS);

  static {
    if (DASHBOARD_ORDER.size() != values().length || !DASHBOARD_ORDER.containsAll(List.of(values()))) {
      throw new IllegalStateException("DASHBOARD_ORDER must list every KPI once");
    }
  }

  /** The Swedish label of the RIM export ({@code Nyckeltal}). */
  public final String labelSv;
  /** The Swedish heading on the dashboard, with the unit as shown there. */
  public final String chartLabelSv;
  public final String labelEn;
  public final Unit unit;
  /** The KPI's explanation in the RIM export's Swedish README. */
  public final String readmeSv;
  private final Function<NationalComparison.Input, BigDecimal> numerator;
  private final Function<NationalComparison.Input, BigDecimal> denominator;
  private final Function<NationalComparison.Input, Long> base;
  private final List<Function<NationalComparison.Input, Long>> also;

  Kpi(String labelSv, String chartLabelSv, String labelEn, Unit unit, String readmeSv,
      Function<NationalComparison.Input, BigDecimal> numerator,
      Function<NationalComparison.Input, BigDecimal> denominator,
      Function<NationalComparison.Input, Long> base, List<Function<NationalComparison.Input, Long>> also) {
    this.labelSv = labelSv;
    this.chartLabelSv = chartLabelSv;
    this.labelEn = labelEn;
    this.unit = unit;
    this.readmeSv = readmeSv;
    this.numerator = numerator;
    this.denominator = denominator;
    this.base = base;
    this.also = also;
  }

  /** A ratio numerator / denominator; otherwise the median of the closed gaps' cash-gap days. */
  public boolean isRatio() {
    return numerator != null;
  }

  /**
   * Whether the KPI rests on payments, so that a municipality that did not report the month has no
   * value, numerator or base for it (contract sections 4 and 4.5): every ratio KPI.
   */
  public boolean restsOnPayments() {
    return isRatio();
  }

  /** A municipality's numerator in the month (exact); null for the median KPI. */
  public BigDecimal numerator(NationalComparison.Input in) {
    return numerator == null ? null : numerator.apply(in);
  }

  /** A municipality's denominator in the month (exact); null when unknown or for the median KPI. */
  public BigDecimal denominator(NationalComparison.Input in) {
    return denominator == null ? null : denominator.apply(in);
  }

  /** The persons, households or gaps the municipality's value rests on. */
  public Long base(NationalComparison.Input in) {
    return base.apply(in);
  }

  /** The other counts that section 4.6 tests like the base (null when unknown). */
  public List<Long> also(NationalComparison.Input in) {
    List<Long> out = new java.util.ArrayList<>();
    for (Function<NationalComparison.Input, Long> a : also) {
      out.add(a.apply(in));
    }
    return out;
  }
}
