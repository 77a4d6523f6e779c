package se.glappet.figures;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;
import se.glappet.gap.Apportion;
import se.glappet.gap.Money;
import se.glappet.gap.PersonGap;
import se.glappet.model.MonthRange;
import se.glappet.model.OutputTable;
import se.glappet.records.KisRow;
import se.glappet.records.PopulationRow;
import se.glappet.records.ReasonCode;
import se.glappet.reference.Municipalities;

/**
 * Every published table's figures of one batch (contract sections 3 and 4.1–4.5), from the
 * payments' exact sums ({@link SummarisePayments}), the persons in the gap, the newcomers, the
 * municipalities in the batch and the population: a plain class, filled with {@code add...} and
 * read once with {@link #compute}. All of it is a few thousand municipality-month cells and the
 * persons in the gap, so it is done in memory in one place ({@link ComputeFigures}) instead of as
 * some thirty steps, each of which cost the engine a task, a serialization of its elements and
 * often a sort (issue 13).
 *
 * <ul>
 *   <li>A municipality-month's income-support totals (those of its reasons inside): the
 *       {@code income_support_*} rows, and the month counts as reported (contract section 4).
 *   <li>{@code gap_monthly}: one dense cell per municipality in the batch and published month:
 *       the gap support by paying municipality, the persons with support by home municipality, the
 *       persons' own monthly counts, the recoverable money capped per person by the retroactive
 *       allowance, the newcomers, and whether the month was reported.
 *   <li>{@code gap_by_reason}: the gap support per paying municipality, month and reason (rows
 *       with support only).
 *   <li>{@code national_comparison}: per month, from the cells and totals, with disclosure
 *       control applied inside ({@link NationalComparison}).
 * </ul>
 *
 * <p>Every sum is exact ({@link BigDecimal}, integers) and every addition order-free, so the
 * figures do not depend on the order in which the inputs arrive.
 */
public final class BatchFigures {
  private static final ReasonCode[] REASONS = ReasonCode.values();

  private MonthRange range;
  private final Map<CellKey, IncomeSupportTotals> incomeMonthly = new HashMap<>();
  private final List<KV<CellKey, IncomeSupportTotals>> incomeByReason = new ArrayList<>();
  /** Parts of the gap_monthly cells, added per municipality-month. */
  private final CellSums cellParts = new CellSums();
  /** Parts of the gap_by_reason cells. */
  private final CellSums reasonParts = new CellSums();
  /** Per person: the support in the recoverable window per paying municipality. */
  private final Map<String, List<KV<String, BigDecimal>>> recoverable = new HashMap<>();
  private final Map<String, PersonGap> gaps = new HashMap<>();
  private final List<KisRow> kis = new ArrayList<>();
  private final List<String> municipalities = new ArrayList<>();
  private final List<PopulationRow> population = new ArrayList<>();


  /**
   * One exact sum of {@link SummarisePayments}, as {@link #splitSum} hands it on: the fields
   * below are filled from it.
   */
  void addSum(SummarisePayments.PartialKey k, SummarisePayments.Partial p) {
    splitSum(k, p, this::addIncome, cellParts::add, reasonParts::add, this::addRecoverable);
  }

  /**
   * Where one exact sum goes, by its kind: a municipality-month's income-support totals as the
   * month's and each reason's ({@code income}; none when every payment of it was a duplicate's
   * loser), a person's gap support as a part of the municipality-month's gap_monthly cell
   * ({@code cellPart}) or gap_by_reason cell ({@code reasonPart}), a person's support in the
   * recoverable window per paying municipality ({@code recoverable}, keyed by person and
   * municipality).
   */
  static void splitSum(SummarisePayments.PartialKey k, SummarisePayments.Partial p,
      BiConsumer<CellKey, IncomeSupportTotals> income, BiConsumer<CellKey, GapCell> cellPart,
      BiConsumer<CellKey, GapCell> reasonPart, BiConsumer<CellKey, BigDecimal> recoverable) {
    CellKey key = k.cell;
    switch (k.part) {
      case INCOME_MONTHLY:
        if (HouseholdTotals.isEmpty(p.totals)) {
          return;
        }
        IncomeSupportTotals[] totals = HouseholdTotals.totalsWithReasons(p.totals);
        income.accept(key, totals[0]);
        for (ReasonCode r : REASONS) {
          if (totals[1 + r.ordinal()] != null) {
            income.accept(CellKey.of(key.period, key.municipality, r), totals[1 + r.ordinal()]);
          }
        }
        return;
      case GAP_BY_PAYER:
        cellPart.accept(key.withoutPerson(), GapCell.supportFromPayer(p.amount));
        return;
      case GAP_BY_PERSON:
        cellPart.accept(key.withoutPerson(), GapCell.supportedPerson(p.amount));
        return;
      case GAP_BY_REASON:
        reasonPart.accept(key.withoutPerson(), GapCell.supportFromPayer(p.amount));
        return;
      case GAP_IN_RECOVERABLE_WINDOW:
        recoverable.accept(key, p.amount);
        return;
      default:
        throw new IllegalStateException("unknown kind of sum " + k.part);
    }
  }

  /**
   * A municipality-month's income-support totals ({@code key} without reason) or those of one of
   * its reasons.
   */
  void addIncome(CellKey key, IncomeSupportTotals t) {
    if (key.reason == null) {
      if (incomeMonthly.put(key, t) != null) {
        throw new IllegalStateException("two income-support sums for " + key);
      }
    } else {
      incomeByReason.add(KV.of(key, t));
    }
  }

  /** A part of a municipality-month's gap_monthly cell. */
  void addCellPart(CellKey key, GapCell part) {
    cellParts.add(key, part);
  }

  /** A part of a gap_by_reason cell. */
  void addReasonPart(CellKey key, GapCell part) {
    reasonParts.add(key, part);
  }

  /** A person's support in the recoverable window from one paying municipality ({@code key}: person and municipality). */
  void addRecoverable(CellKey key, BigDecimal amount) {
    recoverable.computeIfAbsent(key.person, x -> new ArrayList<>()).add(KV.of(key.municipality, amount));
  }

  /** A person in the gap ({@code gap.BuildPersonGaps}). */
  public void addGap(PersonGap g) {
    if (gaps.put(g.personId(), g) != null) {
      throw new IllegalStateException("two person gaps for one person");
    }
  }

  /** A KIS row: the newcomers received by a municipality in a month. */
  public void addKis(KisRow k) {
    kis.add(k);
  }

  /** A municipality in the batch (each once): it gets a cell in every published month. */
  public void addMunicipality(String code) {
    municipalities.add(code);
  }

  /** A population row, for the national comparison's rates. */
  public void addPopulation(PopulationRow r) {
    population.add(r);
  }

  /** What {@link #compute} found: the rows of each dataset and the cells behind gap_monthly. */
  public static final class Result {
    /** The rows of every dataset, national_comparison after its disclosure control. */
    public final Map<OutputTable, List<Row>> rows = new EnumMap<>(OutputTable.class);
    /** The exact gap_monthly cells by municipality-month. */
    public final Map<CellKey, GapCell> cells = new HashMap<>();
    /** Cells national_comparison's disclosure control nulled. */
    public long comparisonCellsNulled;

    Result() {
      for (OutputTable t : OutputTable.values()) {
        rows.put(t, new ArrayList<>());
      }
    }
  }

  /**
   * Every dataset's rows; {@code range}: the published months; {@code reference}: the
   * municipalities' names and counties. Once per instance.
   */
  public Result compute(MonthRange range, Municipalities reference) {
    if (this.range != null) {
      throw new IllegalStateException("the figures are computed once");
    }
    this.range = java.util.Objects.requireNonNull(range, "range");
    Result out = new Result();
    incomeMonthly.forEach((k, t) -> out.rows.get(OutputTable.INCOME_SUPPORT_MONTHLY).add(incomeMonthlyRow(k, t)));
    incomeByReason.forEach(kv -> out.rows.get(OutputTable.INCOME_SUPPORT_BY_REASON).add(incomeByReasonRow(kv.getKey(), kv.getValue())));

    List<YearMonth> months = range.months();
    for (String m : municipalities) { // a dense cell for every municipality in the batch and month
      for (YearMonth month : months) {
        cellParts.sumOf(CellKey.of(month, m));
      }
    }
    for (PersonGap g : gaps.values()) {
      addPersonMonths(g, monthsOfPerson(g, range));
    }
    recoverable.forEach(this::addRecoverableOfPerson);
    for (KisRow k : kis) {
      if (range.contains(k.period)) {
        GapCell cell = new GapCell();
        cell.newcomersReceived = k.newcomersReceived;
        cellParts.add(CellKey.of(k.period, k.municipalityCode), cell);
      }
    }
    // Contract section 4: a municipality reported month t when a payment of it is dated in t,
    // which is exactly when it has income-support totals for t.
    for (CellKey k : incomeMonthly.keySet()) {
      GapCell cell = new GapCell();
      cell.incomeSupportReported = true;
      cellParts.add(k, cell);
    }
    cellParts.emit(kv -> out.cells.put(kv.getKey(), kv.getValue()));
    out.cells.forEach((k, c) -> out.rows.get(OutputTable.GAP_MONTHLY).add(gapMonthlyRow(k, c)));
    reasonParts.emit(kv -> {
      if (kv.getValue().gapSupportSek.signum() != 0) {
        out.rows.get(OutputTable.GAP_BY_REASON).add(gapByReasonRow(kv.getKey(), kv.getValue()));
      }
    });
    compare(out, reference);
    return out;
  }

  /**
   * The published months in which person {@code g} can count at all: from the month of gap_start
   * (or of first_payment if earlier) to the month of gap_end or of first_payment, whichever is
   * later (to the last published month while there is no first_payment, as the gap is then open at
   * the end of every month from its start). In any other month the person is not in the gap, has
   * no open gap and closed none, so {@link #addPersonMonths} would add nothing there; a national
   * year's persons span a few of its months, and with four years a person would otherwise be
   * visited in all 48.
   */
  static List<YearMonth> monthsOfPerson(PersonGap g, MonthRange range) {
    List<YearMonth> out = new ArrayList<>();
    if (range.isEmpty()) {
      return out;
    }
    YearMonth first = YearMonth.from(g.gapStart());
    YearMonth last;
    if (g.firstPayment() == null) {
      last = range.to;
    } else {
      YearMonth end = YearMonth.from(g.gapEnd());
      YearMonth closed = YearMonth.from(g.firstPayment());
      last = end.isAfter(closed) ? end : closed;
      first = closed.isBefore(first) ? closed : first; // not in accepted data: first_payment is gap_end
    }
    YearMonth from = first.isAfter(range.from) ? first : range.from;
    YearMonth to = last.isBefore(range.to) ? last : range.to;
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      out.add(m);
    }
    return out;
  }

  /**
   * The home municipality's monthly counts of one person in the gap, in {@code months}
   * ({@link #monthsOfPerson}).
   */
  private void addPersonMonths(PersonGap g, List<YearMonth> months) {
    YearMonth closed = g.closedMonth();
    for (YearMonth m : months) {
      int days = g.daysInMonth(m);
      boolean open = g.isOpenAtEndOf(m);
      boolean closes = m.equals(closed);
      if (days <= 0 && !open && !closes) {
        continue;
      }
      // Added into the cell's sum directly: a part per person and month would be built only to be added.
      GapCell sum = cellParts.sumOf(CellKey.of(m, g.homeMunicipality()));
      if (days > 0) {
        sum.personsInGap++;
        sum.gapPersonDays += days;
      }
      if (open) {
        sum.openGapsAtMonthEnd++;
      }
      if (closes) {
        sum.closedCashDays.add(g.cashGapDays());
        sum.closedEntitlementDays.add(g.entitlementGapDays());
      }
    }
  }

  /**
   * Scales a person's support in the recoverable window by min(1, retroactive allowance / total),
   * per paying municipality, into the cell of the month the person's gap closed.
   */
  private void addRecoverableOfPerson(String person, List<KV<String, BigDecimal>> byPayer) {
    PersonGap g = gaps.get(person);
    if (g == null) {
      throw new IllegalStateException("support in a recoverable window of a person with no gap");
    }
    YearMonth month = g.closedMonth();
    if (month == null || !range.contains(month)) {
      return;
    }
    BigDecimal total = BigDecimal.ZERO;
    for (KV<String, BigDecimal> kv : byPayer) {
      total = total.add(kv.getValue());
    }
    BigDecimal factor = Apportion.recoverableFactor(g.retroactiveAllowance(), total);
    for (KV<String, BigDecimal> kv : byPayer) {
      GapCell cell = new GapCell();
      cell.recoverableSek = kv.getValue().multiply(factor);
      cell.recoverablePersons = cell.recoverableSek.signum() != 0 ? 1 : 0;
      cellParts.add(CellKey.of(month, kv.getKey()), cell);
    }
  }

  /** national_comparison, month by month (contract section 4.5). */
  private void compare(Result out, Municipalities reference) {
    Map<YearMonth, Map<String, GapCell>> cellsByMonth = new HashMap<>();
    out.cells.forEach((k, c) -> cellsByMonth.computeIfAbsent(k.period, x -> new HashMap<>()).put(k.municipality, c));
    Map<YearMonth, Map<String, IncomeSupportTotals>> incomeByMonth = new HashMap<>();
    incomeMonthly.forEach((k, t) -> incomeByMonth.computeIfAbsent(k.period, x -> new HashMap<>()).put(k.municipality, t));
    TreeSet<YearMonth> periods = new TreeSet<>(cellsByMonth.keySet());
    periods.addAll(incomeByMonth.keySet());
    PopulationLookup pop = new PopulationLookup(population);
    for (YearMonth period : periods) {
      Map<String, IncomeSupportTotals> income = incomeByMonth.getOrDefault(period, Map.of());
      List<NationalComparison.Input> inputs = new ArrayList<>();
      cellsByMonth.getOrDefault(period, Map.of()).forEach((municipality, cell) -> inputs.add(
          new NationalComparison.Input(municipality, cell, income.get(municipality),
              pop.population(municipality, period.getYear()))));
      NationalComparison.Result r = NationalComparison.compute(period.toString(), inputs, reference);
      out.rows.get(OutputTable.NATIONAL_COMPARISON).addAll(r.rows);
      out.comparisonCellsNulled += r.cellsNulled;
    }
  }

  static Row incomeMonthlyRow(CellKey k, IncomeSupportTotals t) {
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

  static Row incomeByReasonRow(CellKey k, IncomeSupportTotals t) {
    return OutputTable.INCOME_SUPPORT_BY_REASON.row()
        .set("period", k.period.toString())
        .set("municipality_code", k.municipality)
        .set("reason_code", k.reason.name())
        .set("households", t.households)
        .set("amount_sek", Money.publish(t.amount))
        .build();
  }

  /** A gap_monthly row; the income-support figures are null in a month the municipality did not report. */
  public static Row gapMonthlyRow(CellKey k, GapCell c) {
    boolean reported = c.incomeSupportReported;
    BigDecimal perNewcomer = !reported || c.newcomersReceived == null ? null
        : Money.divide(c.gapSupportSek, BigDecimal.valueOf(c.newcomersReceived));
    return OutputTable.GAP_MONTHLY.row()
        .set("period", k.period.toString())
        .set("municipality_code", k.municipality)
        .set("persons_in_gap", c.personsInGap)
        .set("persons_in_gap_with_support", c.personsInGapWithSupport)
        .set("gap_person_days", (int) c.gapPersonDays)
        .set("gap_support_persons", reported ? c.gapSupportPersons : null)
        .set("gap_support_sek", reported ? Money.publish(c.gapSupportSek) : null)
        .set("gaps_closed", c.gapsClosed())
        .set("median_cash_gap_days", se.glappet.gap.Stats.median(c.closedCashDays))
        .set("p90_cash_gap_days", se.glappet.gap.Stats.p90(c.closedCashDays))
        .set("median_entitlement_gap_days", se.glappet.gap.Stats.median(c.closedEntitlementDays))
        .set("open_gaps_at_month_end", c.openGapsAtMonthEnd)
        .set("recoverable_persons", reported ? c.recoverablePersons : null)
        .set("recoverable_sek", reported ? Money.publish(c.recoverableSek) : null)
        .set("newcomers_received", c.newcomersReceived)
        .set("gap_support_per_newcomer_sek", Money.publish(perNewcomer))
        .set("income_support_reported", reported)
        .build();
  }

  static Row gapByReasonRow(CellKey k, GapCell c) {
    return OutputTable.GAP_BY_REASON.row()
        .set("period", k.period.toString())
        .set("municipality_code", k.municipality)
        .set("reason_code", k.reason.name())
        .set("persons", c.gapSupportPersons)
        .set("gap_support_sek", Money.publish(c.gapSupportSek))
        .build();
  }
}
