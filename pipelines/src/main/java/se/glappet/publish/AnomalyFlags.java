package se.glappet.publish;

import se.glappet.model.OutputTable;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.generic.GenericRecord;
import se.glappet.gap.Stats;

/**
 * Flags a municipality-month whose number of payments or amount differs sharply from the
 * municipality's published history: below half or above twice the median of up to the six
 * previous months that have figures, or no payments at all after months with payments. A missing
 * file typically shows as payments dropping by more than half, or to nothing. With fewer than {@value #MIN_HISTORY} months of history the month is a "cold start"
 * and is not judged.
 */
public final class AnomalyFlags {
  public static final int MIN_HISTORY = 4;
  public static final int MAX_HISTORY = 6;
  public static final double LOW = 0.5;
  public static final double HIGH = 2.0;

  /** One flag, or one cold start (measure {@code null}). */
  public static final class Flag {
    public final String municipality;
    public final YearMonth period;
    /** {@code payments} or {@code amount_sek}; null for a cold start. */
    public final String measure;
    public final double value;
    public final double baseline;

    Flag(String municipality, YearMonth period, String measure, double value, double baseline) {
      this.municipality = municipality;
      this.period = period;
      this.measure = measure;
      this.value = value;
      this.baseline = baseline;
    }

    public boolean coldStart() {
      return measure == null;
    }

    @Override
    public String toString() {
      if (!coldStart() && value == 0) {
        return String.format(java.util.Locale.ROOT, "%s %s: no payments at all, against a median of %.0f payments "
            + "over the previous months — a missing file?", municipality, period, baseline);
      }
      if (coldStart()) {
        return municipality + " " + period + ": cold start (fewer than " + MIN_HISTORY + " months of history)";
      }
      return String.format(java.util.Locale.ROOT, "%s %s: %s %.2f against a median of %.2f over the previous "
          + "months (%+.0f%%)%s", municipality, period, measure, value, baseline, 100 * (value / baseline - 1),
          value < LOW * baseline ? " — a missing or partial file?" : "");
    }
  }

  private AnomalyFlags() {}

  /**
   * Judges each municipality's months in {@code months}. {@code history}: municipality → month →
   * {payments, amount}; months whose figures were suppressed are absent.
   */
  public static List<Flag> judge(Map<String, TreeMap<YearMonth, double[]>> history, Collection<YearMonth> months) {
    List<Flag> flags = new ArrayList<>();
    for (Map.Entry<String, TreeMap<YearMonth, double[]>> m : history.entrySet()) {
      TreeMap<YearMonth, double[]> series = m.getValue();
      for (YearMonth t : months) {
        List<double[]> before = new ArrayList<>();
        for (double[] b : series.headMap(t, false).descendingMap().values()) {
          if (!Double.isNaN(b[0])) {
            before.add(b); // suppressed months (NaN) are known to exist but have no figures
          }
        }
        double[] now = series.get(t);
        if (now == null) {
          if (before.size() >= MIN_HISTORY) { // it paid before, and nothing this month
            flags.add(new Flag(m.getKey(), t, "payments", 0, median(before, 0)));
          }
          continue;
        }
        if (Double.isNaN(now[0])) {
          continue;
        }
        if (before.size() < MIN_HISTORY) {
          flags.add(new Flag(m.getKey(), t, null, 0, 0));
          continue;
        }
        before = before.subList(0, Math.min(MAX_HISTORY, before.size()));
        String[] names = {"payments", "amount_sek"};
        for (int i = 0; i < 2; i++) {
          double median = median(before, i);
          if (median > 0 && (now[i] < LOW * median || now[i] > HIGH * median)) {
            flags.add(new Flag(m.getKey(), t, names[i], now[i], median));
          }
        }
      }
    }
    return flags;
  }

  /** The median of column i (payments or amount) of the history rows ({@link Stats#median}). */
  private static double median(List<double[]> rows, int i) {
    List<Double> values = new ArrayList<>();
    for (double[] b : rows) {
      values.add(b[i]);
    }
    return Stats.median(values);
  }

  private static double decimal(Object avroBytes) {
    java.nio.ByteBuffer bb = ((java.nio.ByteBuffer) avroBytes).duplicate();
    byte[] b = new byte[bb.remaining()];
    bb.get(b);
    return new BigDecimal(new java.math.BigInteger(b), 2).doubleValue();
  }

  /**
   * Reads the {@code income_support_monthly} history of the given folders, later folders' months
   * replacing earlier ones (the published folder, then this run's staging).
   */
  public static Map<String, TreeMap<YearMonth, double[]>> readHistory(Path... dirs) throws IOException {
    return readHistory(new ArrayList<>(), dirs);
  }

  /**
   * As {@link #readHistory(Path...)}; a file that cannot be read (truncated, not Parquet) is left
   * out of the history, with one line naming it in {@code warnings}, instead of failing the run.
   */
  public static Map<String, TreeMap<YearMonth, double[]>> readHistory(List<String> warnings, Path... dirs)
      throws IOException {
    Map<String, TreeMap<YearMonth, double[]>> history = new TreeMap<>();
    for (Path d : dirs) {
      readInto(d, history, warnings);
    }
    return history;
  }

  private static void readInto(Path outDir, Map<String, TreeMap<YearMonth, double[]>> history,
      List<String> warnings) throws IOException {
    Path dir = outDir.resolve(OutputTable.INCOME_SUPPORT_MONTHLY.datasetName);
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.parquet")) {
      for (Path f : ds) {
        Map<String, TreeMap<YearMonth, double[]>> file = new TreeMap<>();
        try {
          readFile(f, file);
        } catch (IOException | RuntimeException e) {
          String why = String.valueOf(e.getMessage());
          why = why.contains("is not a Parquet file") ? "not a Parquet file, or truncated"
              : se.glappet.privacy.IdentityNumbers.mask(why.split("\n")[0]);
          warnings.add("cannot read " + f + " (" + why + "); its month is left out of the anomaly history. Run "
              + "'glappet verify --output " + outDir + "', and publish that month again to replace the file");
          continue;
        }
        file.forEach((m, series) -> history.computeIfAbsent(m, k -> new TreeMap<>()).putAll(series));
      }
    }
  }

  private static void readFile(Path f, Map<String, TreeMap<YearMonth, double[]>> history) throws IOException {
    try (ParquetFiles.Rows r = ParquetFiles.reader(f)) {
      GenericRecord g;
      while ((g = r.read()) != null) {
        Object payments = g.get("payments");
        Object amount = g.get("amount_sek");
        if (payments == null || amount == null) {
          history.computeIfAbsent(g.get("municipality_code").toString(), k -> new TreeMap<>())
              .put(YearMonth.parse(g.get("period").toString()), new double[] {Double.NaN, Double.NaN});
          continue;
        }
        double sek = amount instanceof BigDecimal ? ((BigDecimal) amount).doubleValue() : decimal(amount);
        history.computeIfAbsent(g.get("municipality_code").toString(), k -> new TreeMap<>())
            .put(YearMonth.parse(g.get("period").toString()), new double[] {(Long) payments, sek});
      }
    }
  }
}
