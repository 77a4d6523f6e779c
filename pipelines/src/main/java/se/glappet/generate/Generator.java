package se.glappet.generate;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One run of {@code generate}: plans every selected municipality, draws the newcomers of each (phase 1),
 * routes their payments to the paying municipality, then writes each municipality's files (phase 2) and
 * the population file. Both phases run per municipality on a fixed pool of two threads; every
 * municipality draws from seeds derived from the run seed and its code, so the bytes written do not depend
 * on thread timing.
 */
final class Generator {
  /** Income-support households a month nationally at {@code --scale 1}, besides the newcomers' own. */
  static final double NATIONAL_HOUSEHOLDS = 195_000;
  /** Fewest regular households a municipality gets, however small the scale. */
  static final int MIN_HOUSEHOLDS = 6;
  static final int THREADS = 2;
  /** The establishment reform started on 1 December 2010. */
  static final int REFORM_MONTH = Days.monthIndex(2010, 12);

  /** What a run wrote. */
  static final class Summary {
    final MunicipalityFiles.Counts counts = new MunicipalityFiles.Counts();
    long populationRows;
    int newcomers;
    int asylumSeekers;
    int municipalities;
  }

  final Path output;
  final long seed;
  final boolean dirt;
  final int fromMonth;
  final int toMonth;
  /** First day of the first month. */
  final int firstDay;
  /** First day after the last month. */
  final int obsEnd;
  /** Newcomers are settled from this month on, so that the first month already has gaps in progress. */
  final int warmStartMonth;
  final List<MunicipalityPlan> plans = new ArrayList<>();
  private final MunicipalityWeights weights;

  Generator(GenerateOptions o, List<Municipality> reference) {
    this.output = o.output;
    this.seed = o.seed;
    this.dirt = !o.clean;
    this.fromMonth = o.fromMonth;
    this.toMonth = o.toMonth;
    this.firstDay = Days.firstDay(fromMonth);
    this.obsEnd = Days.firstDay(toMonth + 1);
    this.warmStartMonth = fromMonth >= REFORM_MONTH ? Math.max(fromMonth - 3, REFORM_MONTH) : fromMonth;
    this.weights = new MunicipalityWeights(reference);
    List<Municipality> selected = new ArrayList<>();
    for (Municipality m : reference) {
      if (o.allMunicipalities || Municipality.SODERTORN.contains(m.code)) {
        selected.add(m);
      }
    }
    selected.sort(Comparator.comparing(m -> m.code));
    Dialect[] dialects = Dialect.values();
    for (int i = 0; i < selected.size(); i++) {
      Municipality m = selected.get(i);
      SplittableRandom r = Seeds.rng(seed, Long.parseLong(m.code), 0);
      double u = r.nextDouble();
      // The first three always use one dialect each, so every folder holds all three.
      Dialect d = i < dialects.length ? dialects[i]
          : u < 0.45 ? Dialect.EXCEL_BOM : u < 0.70 ? Dialect.WINDOWS_1252 : Dialect.PLAIN_COMMA;
      double newcomers = Newcomers.NATIONAL_PER_YEAR / 12 * o.scale * weights.newcomerShare(m.code);
      int households =
          Math.max(MIN_HOUSEHOLDS, Seeds.roundRandom(r, NATIONAL_HOUSEHOLDS * o.scale * weights.supportShare(m.code)));
      plans.add(new MunicipalityPlan(m, i, d, r, newcomers, households));
    }
  }

  /** Another selected municipality than the one at this position (itself when it is alone). */
  int otherPosition(SplittableRandom r, int position) {
    if (plans.size() < 2) {
      return position;
    }
    int j = r.nextInt(plans.size() - 1);
    return j >= position ? j + 1 : j;
  }

  String otherCode(SplittableRandom r, int position) {
    return plans.get(otherPosition(r, position)).code();
  }

  Summary run() throws IOException, UsageException {
    prepareOutput();
    Summary summary = new Summary();
    summary.municipalities = plans.size();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Callable<Newcomers.Result>> phase1 = new ArrayList<>();
      for (MunicipalityPlan p : plans) {
        phase1.add(() -> Newcomers.generate(this, p));
      }
      List<Newcomers.Result> results = all(pool, phase1);
      // Route every newcomer payment to its payer and payment month, in selection order.
      List<Map<Integer, List<PaymentRow>>> byPayer = new ArrayList<>();
      for (int i = 0; i < plans.size(); i++) {
        byPayer.add(new HashMap<>());
      }
      for (Newcomers.Result r : results) {
        summary.newcomers += r.settled;
        summary.asylumSeekers += r.asylumSeekers;
        for (PaymentRow p : r.payments) {
          if (p.paymentDate >= firstDay && p.paymentDate < obsEnd) {
            byPayer.get(p.payer).computeIfAbsent(Days.monthOf(p.paymentDate), k -> new ArrayList<>()).add(p);
          }
        }
      }
      List<Callable<MunicipalityFiles.Counts>> phase2 = new ArrayList<>();
      // Largest first, so the two threads finish together; the order does not change the bytes.
      List<MunicipalityPlan> bySize = new ArrayList<>(plans);
      bySize.sort(Comparator.comparingInt((MunicipalityPlan p) -> -p.households).thenComparing(MunicipalityPlan::code));
      for (MunicipalityPlan p : bySize) {
        phase2.add(() -> MunicipalityFiles.write(this, p, results.get(p.position), byPayer.get(p.position)));
      }
      for (MunicipalityFiles.Counts c : all(pool, phase2)) {
        summary.counts.add(c);
      }
    } finally {
      pool.shutdownNow();
    }
    summary.populationRows = writePopulation();
    summary.counts.files++;
    return summary;
  }

  private static <T> List<T> all(ExecutorService pool, List<Callable<T>> tasks) throws IOException {
    List<Future<T>> futures = new ArrayList<>();
    for (Callable<T> t : tasks) {
      futures.add(pool.submit(t));
    }
    List<T> out = new ArrayList<>();
    try {
      for (Future<T> f : futures) {
        out.add(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException) {
        throw (IOException) c;
      }
      if (c instanceof RuntimeException) {
        throw (RuntimeException) c;
      }
      throw new IOException(c);
    }
    return out;
  }

  /**
   * The output folder may be missing, empty, or an earlier generated folder (the four dataset folders,
   * README files and hidden entries): then its {@code .csv} files are replaced. Anything else is refused,
   * so that a typo in {@code --output} never deletes someone's files.
   */
  private void prepareOutput() throws IOException, UsageException {
    if (Files.exists(output) && !Files.isDirectory(output)) {
      throw new UsageException("--output " + output + " is a file, not a folder");
    }
    if (Files.isDirectory(output)) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(output)) {
        for (Path e : entries) {
          String name = e.getFileName().toString();
          boolean dataset = Files.isDirectory(e) && datasetFolder(name);
          if (!dataset && !name.startsWith(".") && !name.toLowerCase(Locale.ROOT).startsWith("readme")) {
            throw new UsageException("--output " + output + " holds '" + name
                + "': give an empty or new folder, or one written by generate before");
          }
        }
      }
    }
    for (Dataset d : Dataset.values()) {
      Path dir = output.resolve(d.folder);
      Files.createDirectories(dir);
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
        for (Path e : entries) {
          String name = e.getFileName().toString().toLowerCase(Locale.ROOT);
          if (Files.isRegularFile(e) && (name.endsWith(".csv") || name.endsWith(".csv.tmp"))) {
            Files.delete(e);
          }
        }
      }
    }
  }

  private static boolean datasetFolder(String name) {
    for (Dataset d : Dataset.values()) {
      if (d.folder.equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** {@code population/population.csv}: every selected municipality, the year before the first to the last. */
  private long writePopulation() throws IOException {
    SplittableRandom r = Seeds.rng(seed, 0, 9);
    Dialect dialect = Dialect.values()[r.nextInt(Dialect.values().length)];
    FileStyle style = FileStyle.draw(r, dialect, false);
    Path path = output.resolve(Dataset.POPULATION.folder).resolve("population.csv");
    CsvFileWriter w =
        new CsvFileWriter(path, style, Dataset.POPULATION, Dataset.POPULATION.order(dialect), dialect.hasExtraColumn());
    try {
      for (MunicipalityPlan p : plans) {
        for (int year = Days.year(fromMonth) - 1; year <= Days.year(toMonth); year++) {
          w.text(0, p.code());
          w.integer(1, year);
          w.integer(2, weights.population(p.code(), year));
          if (dialect.hasExtraColumn()) {
            w.text(3, p.municipality.name);
          }
          w.writeRow();
        }
      }
      w.close();
    } finally {
      w.abort();
    }
    return w.dataRows();
  }

  /** Sizes of what was written, by dataset folder. */
  Map<String, long[]> folderSizes() throws IOException {
    Map<String, long[]> sizes = new TreeMap<>();
    for (Dataset d : Dataset.values()) {
      long[] s = new long[2];
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(output.resolve(d.folder), "*.csv")) {
        for (Path e : entries) {
          s[0]++;
          s[1] += Files.size(e);
        }
      }
      sizes.put(d.folder, s);
    }
    return sizes;
  }
}
