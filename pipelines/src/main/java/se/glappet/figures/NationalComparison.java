package se.glappet.figures;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.values.Row;
import se.glappet.gap.Stats;
import se.glappet.model.OutputTable;
import se.glappet.reference.Municipalities;

/**
 * Contract section 4.5 for one month, with its disclosure control (section 4.6): a row per
 * municipality in the batch and KPI, then per county, Södertörn and the nation, each area built
 * only from its published member rows so that no area figure reveals a suppressed one (an area
 * without any has no figure); ranks and the national median over the municipalities' published
 * values. A municipality that did not report the month has no payment-based value, so it is
 * neither ranked nor an area member for those KPIs.
 */
public final class NationalComparison {
  /** What one municipality contributes in the month (exact, unsuppressed). */
  public static final class Input implements Serializable {
    private static final long serialVersionUID = 1L;
    public final String municipality;
    public final GapCell gap;
    /**
     * Null when the municipality made no payment dated in the month: it did not report the month
     * (contract section 4), and its payment-based figures are unknown.
     */
    public final IncomeSupportTotals income;
    /** Null when unknown. */
    public final Long population;

    public Input(String municipality, GapCell gap, IncomeSupportTotals income, Long population) {
      this.municipality = municipality;
      this.gap = gap;
      this.income = income;
      this.population = population;
    }

    /** The municipality reported the month: it has a payment dated in it (contract section 4). */
    public boolean reported() {
      return income != null;
    }
  }

  /** The rows of the month and how many cells disclosure control nulled. */
  public static final class Result {
    public final List<Row> rows;
    public final long cellsNulled;

    Result(List<Row> rows, long cellsNulled) {
      this.rows = rows;
      this.cellsNulled = cellsNulled;
    }
  }

  private static final class Entry {
    String areaType;
    String areaCode;
    String areaName;
    Kpi kpi;
    BigDecimal numerator;
    BigDecimal denominator;
    Long base;
    List<Long> also = new ArrayList<>();
    List<Integer> closedDays = new ArrayList<>();
    long members;
    BigDecimal value;
    Double medianValue;
    boolean suppressed;
    long nulled;

    /** Nulls one of the row's figures by column name; 1 when it held a value. */
    int clear(String column) {
      boolean held;
      switch (column) {
        case "value":
          held = value != null;
          value = null;
          break;
        case "numerator":
          held = numerator != null;
          numerator = null;
          break;
        case "denominator":
          held = denominator != null;
          denominator = null;
          break;
        case "base":
          held = base != null;
          base = null;
          break;
        default:
          throw new IllegalArgumentException("national_comparison cannot null " + column);
      }
      return held ? 1 : 0;
    }
  }

  private NationalComparison() {}

  public static Result compute(String period, Collection<Input> inputs, Municipalities reference) {
    List<Input> munis = new ArrayList<>(inputs);
    munis.sort(Comparator.comparing(i -> i.municipality));
    List<Entry> out = new ArrayList<>();
    Map<Kpi, List<Entry>> municipalRows = new LinkedHashMap<>();
    for (Kpi kpi : Kpi.values()) {
      List<Entry> rows = new ArrayList<>();
      for (Input in : munis) {
        Municipalities.Municipality m = reference.get(in.municipality);
        Entry e = municipalEntry(kpi, in);
        e.areaType = "MUNICIPALITY";
        e.areaCode = in.municipality;
        e.areaName = m == null ? in.municipality : m.name;
        e.members = 1;
        suppress(e);
        rows.add(e);
      }
      municipalRows.put(kpi, rows);
      out.addAll(rows);
      // Areas: counties, Södertörn, the nation.
      // The county of a municipality is the reference list's county_code (contract section 5),
      // which --reference may set apart from the code's first two digits.
      Map<String, List<Entry>> counties = new TreeMap<>();
      for (Entry e : rows) {
        Municipalities.Municipality m = reference.get(e.areaCode);
        String county = m == null ? e.areaCode.substring(0, 2) : m.countyCode;
        counties.computeIfAbsent(county, k -> new ArrayList<>()).add(e);
      }
      for (Map.Entry<String, List<Entry>> c : counties.entrySet()) {
        Municipalities.Municipality any = reference.get(c.getValue().get(0).areaCode);
        out.add(area(kpi, "COUNTY", c.getKey(), any == null ? c.getKey() : any.countyName, c.getValue()));
      }
      List<Entry> sodertorn = new ArrayList<>();
      for (Entry e : rows) {
        if (Municipalities.SODERTORN.contains(e.areaCode)) {
          sodertorn.add(e);
        }
      }
      if (!sodertorn.isEmpty()) {
        out.add(area(kpi, "REGION", "SODERTORN", "Södertörn", sodertorn));
      }
      if (!rows.isEmpty()) {
        out.add(area(kpi, "NATION", "SE", "Riket", rows));
      }
    }
    // Ranks and the national median over the municipalities' published values.
    Map<Kpi, Double> medians = new LinkedHashMap<>();
    Map<Kpi, Integer> ranked = new LinkedHashMap<>();
    for (Map.Entry<Kpi, List<Entry>> k : municipalRows.entrySet()) {
      List<BigDecimal> values = new ArrayList<>();
      for (Entry e : k.getValue()) {
        if (e.value != null && !e.suppressed) {
          values.add(e.value);
        }
      }
      values.sort(null);
      ranked.put(k.getKey(), values.size());
      medians.put(k.getKey(), median(values));
    }
    List<Row> rows = new ArrayList<>();
    long nulled = 0;
    for (Entry e : out) {
      nulled += e.nulled;
      Long rank = null;
      Long nRanked = null;
      if (e.areaType.equals("MUNICIPALITY") && e.value != null && !e.suppressed) {
        long lower = municipalRows.get(e.kpi).stream()
            .filter(o -> o.value != null && !o.suppressed && o.value.compareTo(e.value) < 0).count();
        rank = lower + 1;
        nRanked = (long) ranked.get(e.kpi);
      }
      rows.add(OutputTable.NATIONAL_COMPARISON.row()
          .set("period", period)
          .set("area_type", e.areaType)
          .set("area_code", e.areaCode)
          .set("area_name", e.areaName)
          .set("kpi", e.kpi.name())
          .set("value", e.value == null ? null : e.value.doubleValue())
          .set("numerator", e.numerator == null ? null : e.numerator.doubleValue())
          .set("denominator", e.denominator == null ? null : e.denominator.doubleValue())
          .set("base", e.base)
          .set("members", e.members)
          .set("rank", rank)
          .set("n_ranked", nRanked)
          .set("national_median", medians.get(e.kpi))
          .set(OutputTable.SUPPRESSED, e.suppressed)
          .build());
    }
    return new Result(rows, nulled);
  }

  /**
   * A municipality's row before disclosure control. For a month it did not report, the four
   * payment-based KPIs have numerator and base null (so value null): unknown, not zero. The
   * denominator and the "also" counts stay as computed, so section 4.6 still applies through them.
   */
  private static Entry municipalEntry(Kpi kpi, Input in) {
    Entry e = new Entry();
    e.kpi = kpi;
    e.numerator = kpi.numerator(in);
    e.denominator = kpi.denominator(in);
    e.base = kpi.base(in);
    e.also.addAll(kpi.also(in));
    if (!kpi.isRatio()) {
      e.closedDays.addAll(in.gap.closedCashDays);
    }
    if (!in.reported() && kpi.restsOnPayments()) {
      e.numerator = null;
      e.base = null;
    }
    setValue(e);
    return e;
  }

  private static void setValue(Entry e) {
    if (!e.kpi.isRatio()) {
      Double m = Stats.median(e.closedDays);
      e.value = m == null ? null : BigDecimal.valueOf(m);
    } else if (e.denominator == null || e.denominator.signum() == 0 || e.numerator == null) {
      e.value = null;
    } else {
      e.value = e.numerator.divide(e.denominator, 20, RoundingMode.HALF_EVEN);
    }
  }

  /**
   * Section 4.6 as {@link OutputTable#NATIONAL_COMPARISON} declares it on {@code base}: a base or an
   * "also" count of the KPI of 1–4 nulls the columns the base's rule names (value, numerator,
   * denominator and base).
   */
  private static void suppress(Entry e) {
    boolean small = OutputTable.Disclosure.isSmall(e.base);
    for (Long a : e.also) {
      small |= OutputTable.Disclosure.isSmall(a);
    }
    if (small) {
      for (String column : BASE_RULE) {
        e.nulled += e.clear(column);
      }
      e.suppressed = true;
    }
  }

  /** The columns nulled when the base or an "also" count is small, as the dataset declares them. */
  private static final List<String> BASE_RULE =
      OutputTable.NATIONAL_COMPARISON.column("base").nulledWhenSmall();

  private static Entry area(Kpi kpi, String type, String code, String name, List<Entry> candidates) {
    Entry a = new Entry();
    a.kpi = kpi;
    a.areaType = type;
    a.areaCode = code;
    a.areaName = name;
    boolean ratio = kpi.isRatio();
    List<Entry> members = new ArrayList<>();
    for (Entry e : candidates) {
      if (!e.suppressed && (!ratio || e.numerator != null && e.denominator != null)) {
        members.add(e);
      }
    }
    a.members = members.size();
    if (members.isEmpty()) {
      // An empty sum is no figure: value, numerator, denominator and base stay null.
      return a;
    }
    long base = 0;
    List<Long> also = new ArrayList<>();
    BigDecimal num = BigDecimal.ZERO;
    BigDecimal den = BigDecimal.ZERO;
    for (Entry e : members) {
      base += e.base;
      for (int i = 0; i < e.also.size(); i++) {
        long v = e.also.get(i) == null ? 0 : e.also.get(i);
        if (also.size() <= i) {
          also.add(v);
        } else {
          also.set(i, also.get(i) + v);
        }
      }
      if (ratio) {
        num = num.add(e.numerator);
        den = den.add(e.denominator);
      } else {
        a.closedDays.addAll(e.closedDays);
      }
    }
    a.base = base;
    a.also = also;
    if (ratio) {
      a.numerator = num;
      a.denominator = den;
      a.value = den.signum() == 0 ? null : num.divide(den, 20, RoundingMode.HALF_EVEN);
    } else {
      Double m = Stats.median(a.closedDays);
      a.value = m == null ? null : BigDecimal.valueOf(m);
    }
    suppress(a);
    return a;
  }

  private static Double median(List<BigDecimal> sorted) {
    int n = sorted.size();
    if (n == 0) {
      return null;
    }
    if (n % 2 == 1) {
      return sorted.get(n / 2).doubleValue();
    }
    return sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2)).doubleValue();
  }
}
