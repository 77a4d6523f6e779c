package se.glappet.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Writes one municipality's files: an income-support file per month (regular households merged with the
 * newcomer payments this municipality made), an allowances file and a KIS file per year. Each file draws
 * its dialect and style from its own seed; dirt comes from a separate seed so that {@code --clean} output
 * differs from the default only in the dirt.
 */
final class MunicipalityFiles {
  /** Rows and files written. */
  static final class Counts {
    long paymentRows;
    long allowanceRows;
    long kisRows;
    int files;

    void add(Counts o) {
      paymentRows += o.paymentRows;
      allowanceRows += o.allowanceRows;
      kisRows += o.kisRows;
      files += o.files;
    }
  }

  private static final class Pending {
    final int due;
    final String line;

    Pending(int due, String line) {
      this.due = due;
      this.line = line;
    }
  }

  private final Generator g;
  private final MunicipalityPlan plan;
  private final long code;
  private final Newcomers.Result newcomers;
  private final Map<Integer, List<PaymentRow>> gapByMonth;
  private final Counts counts = new Counts();
  private long nextPaymentNumber;

  private MunicipalityFiles(
      Generator g, MunicipalityPlan plan, Newcomers.Result newcomers, Map<Integer, List<PaymentRow>> gapByMonth) {
    this.g = g;
    this.plan = plan;
    this.code = Long.parseLong(plan.code());
    this.newcomers = newcomers;
    this.gapByMonth = gapByMonth;
    this.nextPaymentNumber = plan.firstPaymentNumber;
  }

  static Counts write(
      Generator g, MunicipalityPlan plan, Newcomers.Result newcomers, Map<Integer, List<PaymentRow>> gapByMonth)
      throws IOException {
    MunicipalityFiles f = new MunicipalityFiles(g, plan, newcomers, gapByMonth);
    f.allowances();
    f.kis();
    f.incomeSupport();
    return f.counts;
  }

  // ---------------------------------------------------------------- income support

  private void incomeSupport() throws IOException {
    RegularHouseholds regular = new RegularHouseholds(Seeds.rng(g.seed, code, 2), plan);
    Map<Integer, List<PaymentRow>> byMonth = new TreeMap<>();
    for (int cycle = g.fromMonth - 1; cycle <= g.toMonth + 1; cycle++) {
      List<PaymentRow> rows = new ArrayList<>();
      regular.cycle(cycle, rows);
      for (PaymentRow p : rows) {
        if (p.paymentDate >= g.firstDay && p.paymentDate < g.obsEnd) {
          byMonth.computeIfAbsent(Days.monthOf(p.paymentDate), k -> new ArrayList<>()).add(p);
        }
      }
      // A period's payments are dated at the earliest in the month before it: the month before this
      // cycle is complete.
      int done = cycle - 1;
      if (done >= g.fromMonth) {
        List<PaymentRow> monthRows = byMonth.remove(done);
        incomeSupportMonth(done, monthRows == null ? new ArrayList<>() : monthRows);
      }
    }
  }

  private void incomeSupportMonth(int month, List<PaymentRow> rows) throws IOException {
    rows.addAll(gapByMonth.getOrDefault(month, Collections.emptyList()));
    rows.sort(Comparator.comparingInt(p -> p.paymentDate));
    for (PaymentRow p : rows) {
      p.paymentId = plan.paymentId(nextPaymentNumber++, p.paymentDate);
    }
    SplittableRandom fr = Seeds.rng(g.seed, code, 3, month);
    SplittableRandom dr = Seeds.rng(g.seed, code, 4, month);
    Dialect dialect = fileDialect(fr);
    FileStyle style = FileStyle.draw(fr, dialect, g.dirt);
    String name = plan.code() + "_" + Days.monthText(month);
    Path path = g.output.resolve(Dataset.INCOME_SUPPORT.folder).resolve(name + ".csv");
    boolean forced = g.dirt && plan.position == 0 && month == g.fromMonth && !rows.isEmpty();
    int n = rows.size();
    int blankAt = g.dirt && (dr.nextDouble() < Dirt.BLANK_LINE || forced) ? dr.nextInt(n + 1) : -1;
    int forcedDuplicate = forced ? dr.nextInt(n) : -1;
    int forcedBad = forced ? firstRegularFrom(rows, dr.nextInt(n), forcedDuplicate) : -1;
    boolean[] bad = new boolean[n];
    List<Pending> pending = new ArrayList<>();
    CsvFileWriter w = open(path, style, Dataset.INCOME_SUPPORT, Dataset.INCOME_SUPPORT.order(dialect));
    try {
      for (int i = 0; i < n; i++) {
        if (i == blankAt) {
          w.blankLine(dialect == Dialect.EXCEL_BOM);
        }
        PaymentRow p = rows.get(i);
        fillPayment(w, p, fr, dialect);
        // Dirt has its own stream (dr): the rows themselves are the same with --clean.
        double badDraw = dr.nextDouble();
        double duplicateDraw = dr.nextDouble();
        boolean badDate = dr.nextBoolean();
        bad[i] = g.dirt && !p.newcomer && (badDraw < Dirt.BAD_VALUE || i == forcedBad);
        if (bad[i]) {
          if (badDate) {
            w.text(4, Dirt.badMonth(p.paymentDate));
          } else {
            w.text(6, Dirt.badDay(p.coversTo));
          }
        }
        CharSequence line = w.buildRow();
        w.writeLine(line);
        if (g.dirt && !bad[i] && (duplicateDraw < Dirt.DUPLICATE_PAYMENT || i == forcedDuplicate)) {
          pending.add(new Pending(i + 1 + dr.nextInt(40), line.toString()));
        }
        for (int k = 0; k < pending.size(); ) {
          if (pending.get(k).due <= i) {
            w.writeLine(pending.remove(k).line);
          } else {
            k++;
          }
        }
      }
      for (Pending p : pending) {
        w.writeLine(p.line);
      }
      if (blankAt == n) {
        w.blankLine(false);
      }
      w.close();
    } finally {
      w.abort();
    }
    counts.paymentRows += w.dataRows();
    counts.files++;
    boolean resend = dr.nextDouble() < Dirt.RESENT_FILE
        || (plan.position == g.plans.size() - 1 && month == (g.fromMonth + g.toMonth) / 2);
    if (g.dirt && resend && n > 0) {
      resent(name, month, rows, bad, dialect, dr);
    }
  }

  /** The first row at or after start (wrapping) that is a regular household's and not {@code avoid}. */
  private static int firstRegularFrom(List<PaymentRow> rows, int start, int avoid) {
    for (int k = 0; k < rows.size(); k++) {
      int i = (start + k) % rows.size();
      if (!rows.get(i).newcomer && i != avoid) {
        return i;
      }
    }
    return -1;
  }

  /** Some rows of the month sent again, identical in value, in another dialect. */
  private void resent(
      String name, int month, List<PaymentRow> rows, boolean[] bad, Dialect original, SplittableRandom dr)
      throws IOException {
    Dialect dialect = otherDialect(dr, original);
    FileStyle style = FileStyle.draw(dr, dialect, false);
    int k = Math.min(rows.size(), 3 + dr.nextInt(10));
    int[] picked = new int[k];
    int found = 0;
    for (int tries = 0; found < k && tries < 10 * k; tries++) {
      int i = dr.nextInt(rows.size());
      boolean seen = false;
      for (int j = 0; j < found; j++) {
        seen |= picked[j] == i;
      }
      if (!bad[i] && !seen) {
        picked[found++] = i;
      }
    }
    int[] order = Arrays.copyOf(picked, found);
    Arrays.sort(order);
    Path path = g.output.resolve(Dataset.INCOME_SUPPORT.folder).resolve(name + "_resent.csv");
    CsvFileWriter w = open(path, style, Dataset.INCOME_SUPPORT, Dataset.INCOME_SUPPORT.order(dialect));
    try {
      for (int i : order) {
        fillPayment(w, rows.get(i), dr, dialect);
        if (dialect.hasExtraColumn()) {
          w.text(11, "Omsänd fil");
        }
        w.writeRow();
      }
      w.close();
    } finally {
      w.abort();
    }
    counts.paymentRows += w.dataRows();
    counts.files++;
  }

  private void fillPayment(CsvFileWriter w, PaymentRow p, SplittableRandom r, Dialect dialect) {
    w.text(0, plan.code());
    w.text(1, p.paymentId);
    w.hex(2, p.householdId);
    w.hex(3, p.personId);
    w.date(4, p.paymentDate);
    w.date(5, p.coversFrom);
    w.date(6, p.coversTo);
    w.amount(7, p.amountOre);
    w.text(8, p.reason.name());
    w.integer(9, p.adults);
    w.integer(10, p.children);
    if (dialect.hasExtraColumn()) {
      w.text(11, paymentComment(r, p));
    }
  }

  private String paymentComment(SplittableRandom r, PaymentRow p) {
    double u = r.nextDouble();
    if (u < 0.65) {
      return "";
    } else if (u < 0.85) {
      return p.reason.swedishLabel();
    } else if (u < 0.90) {
      return "Handläggs i " + plan.municipality.name;
    } else if (u < 0.94) {
      return "Hyra och el; akut";
    } else if (u < 0.97) {
      return "Komplettering \"intyg\" inkommen";
    }
    return "Övrigt: tandvård, glasögon";
  }

  // ---------------------------------------------------------------- allowances

  private void allowances() throws IOException {
    for (int year = Days.year(g.fromMonth); year <= Days.year(g.toMonth); year++) {
      SplittableRandom fr = Seeds.rng(g.seed, code, 5, year);
      SplittableRandom dr = Seeds.rng(g.seed, code, 6, year);
      Dialect dialect = fileDialect(fr);
      FileStyle style = FileStyle.draw(fr, dialect, g.dirt);
      Path path = g.output.resolve(Dataset.ALLOWANCES.folder).resolve(plan.code() + "_" + year + ".csv");
      boolean forced = g.dirt && plan.position == 0 && year == Days.year(g.fromMonth);
      List<String> repeats = new ArrayList<>();
      CsvFileWriter w = open(path, style, Dataset.ALLOWANCES, Dataset.ALLOWANCES.order(dialect));
      try {
        for (AllowanceRow a : newcomers.allowances) {
          if (a.fileYear != year) {
            continue;
          }
          w.hex(0, a.personId);
          w.text(1, a.municipalityCode);
          w.text(2, a.lma ? "LMA" : "ESTABLISHMENT");
          w.date(3, a.fromDate);
          w.date(4, a.toDate);
          w.date(5, a.firstPaymentDate);
          w.amount(6, a.dailyOre);
          if (dialect.hasExtraColumn()) {
            w.text(7, allowanceComment(fr, a));
          }
          CharSequence line = w.buildRow();
          w.writeLine(line);
          if (g.dirt && (dr.nextDouble() < Dirt.DUPLICATE_ALLOWANCE || forced)) {
            repeats.add(line.toString());
            forced = false;
          }
        }
        for (String line : repeats) {
          w.writeLine(line);
        }
        if (g.dirt && dr.nextDouble() < Dirt.TRAILING_BLANK_LINE) {
          w.blankLine(false);
        }
        w.close();
      } finally {
        w.abort();
      }
      counts.allowanceRows += w.dataRows();
      counts.files++;
    }
  }

  private String allowanceComment(SplittableRandom r, AllowanceRow a) {
    double u = r.nextDouble();
    if (u < 0.5) {
      return "";
    } else if (u < 0.75) {
      return a.lma ? "Migrationsverket, uppgift från mottagningsenheten" : "Etableringshandläggare, Arbetsförmedlingen";
    }
    return "Flyktingsamordnare " + plan.municipality.name;
  }

  // ---------------------------------------------------------------- KIS

  private void kis() throws IOException {
    ReceptionType[] types = ReceptionType.values();
    for (int year = Days.year(g.fromMonth); year <= Days.year(g.toMonth); year++) {
      SplittableRandom fr = Seeds.rng(g.seed, code, 7, year);
      SplittableRandom dr = Seeds.rng(g.seed, code, 8, year);
      Dialect dialect = fileDialect(fr);
      FileStyle style = FileStyle.draw(fr, dialect, g.dirt);
      int[] order = Dataset.KIS.order(dialect);
      if (plan.omitSfi) {
        order = Arrays.stream(order).filter(c -> c != 6).toArray();
      }
      Path path = g.output.resolve(Dataset.KIS.folder).resolve(plan.code() + "_" + year + ".csv");
      CsvFileWriter w = open(path, style, Dataset.KIS, order);
      try {
        int first = Math.max(g.fromMonth, Days.monthIndex(year, 1));
        int last = Math.min(g.toMonth, Days.monthIndex(year, 12));
        for (int month = first; month <= last; month++) {
          int[][] counts = newcomers.kis[month - g.fromMonth];
          String period = Days.monthText(month);
          for (ReceptionType t : types) {
            int[] c = counts[t.ordinal()];
            w.text(0, plan.code());
            w.text(1, period);
            w.text(2, t.name());
            w.integer(3, c[0]);
            w.integer(4, c[1]);
            w.integer(5, c[2]);
            w.integer(6, c[3]);
            if (dialect.hasExtraColumn()) {
              w.text(7, kisComment(fr));
            }
            w.writeRow();
          }
        }
        if (g.dirt && dr.nextDouble() < Dirt.TRAILING_BLANK_LINE) {
          w.blankLine(dialect != Dialect.PLAIN_COMMA);
        }
        w.close();
      } finally {
        w.abort();
      }
      counts.kisRows += w.dataRows();
      counts.files++;
    }
  }

  private String kisComment(SplittableRandom r) {
    double u = r.nextDouble();
    if (u < 0.7) {
      return "";
    } else if (u < 0.8) {
      return "Rapporterat av " + plan.municipality.name;
    } else if (u < 0.9) {
      return "Preliminär uppgift";
    }
    return "Inklusive anhöriga som återförenats";
  }

  // ---------------------------------------------------------------- shared

  private CsvFileWriter open(Path path, FileStyle style, Dataset dataset, int[] order) throws IOException {
    return new CsvFileWriter(path, style, dataset, order, style.dialect.hasExtraColumn());
  }

  /** Mostly the municipality's own system's dialect; now and then a file someone re-saved. */
  private Dialect fileDialect(SplittableRandom r) {
    double u = r.nextDouble();
    return u < 0.85 ? plan.dialect : otherDialect(r, plan.dialect);
  }

  static Dialect otherDialect(SplittableRandom r, Dialect not) {
    Dialect[] all = Dialect.values();
    int k = r.nextInt(all.length - 1);
    return all[k >= not.ordinal() ? k + 1 : k];
  }
}
