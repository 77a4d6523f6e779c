package se.glappet.publish;

import se.glappet.model.OutputTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import se.glappet.privacy.IdentityNumbers;

/**
 * The revisions of contract section 4.8: each month file a run replaces is compared, row by row on
 * its dataset's key, with the file that stood there before, and every difference is one row of
 * {@code OUT/revisions/<run id>.parquet}. Both files are sorted by key (section 4), so the
 * comparison is one streaming merge holding one row of each side; only when a file turns out not
 * to be sorted are both read whole and sorted. Only the replaced files are read.
 *
 * <p>Columns are compared by name, generically: a column that one side lacks (a file published
 * by an earlier version, before the column existed) counts as null on that side. A previous file
 * that cannot be read (truncated, not Parquet, or without the key columns) does not stop the run:
 * it gives one row with change {@link #PREVIOUS_UNREADABLE} and null key, column and values.
 */
public final class Revisions {
  public static final String CHANGED = "CHANGED";
  public static final String ADDED = "ADDED";
  public static final String REMOVED = "REMOVED";
  /** The file this run replaced could not be read, so what changed in it is unknown. */
  public static final String PREVIOUS_UNREADABLE = "PREVIOUS_UNREADABLE";

  /** How many revised cells the quality report shows in full per dataset. */
  public static final int REPORT_FIRST = 10;

  /** The revisions file's columns, all text (contract section 4.8). */
  public static final Schema SCHEMA = SchemaBuilder.record("revisions").namespace("se.glappet").fields()
      .requiredString("run_id")
      .optionalString("previous_run_id")
      .requiredString("dataset")
      .requiredString("period")
      .optionalString("row_key")
      .requiredString("change")
      .optionalString("column")
      .optionalString("old_value")
      .optionalString("new_value")
      .endRecord();

  /** One revision row. */
  public static final class Revision {
    public final String runId;
    public final String previousRunId;
    public final String dataset;
    public final String period;
    public final String rowKey;
    public final String change;
    public final String column;
    public final String oldValue;
    public final String newValue;

    public Revision(String runId, String previousRunId, String dataset, String period, String rowKey, String change,
        String column, String oldValue, String newValue) {
      this.runId = runId;
      this.previousRunId = previousRunId;
      this.dataset = dataset;
      this.period = period;
      this.rowKey = rowKey;
      this.change = change;
      this.column = column;
      this.oldValue = oldValue;
      this.newValue = newValue;
    }

    @Override
    public String toString() {
      if (change.equals(PREVIOUS_UNREADABLE)) {
        return dataset + " " + period + ": the previous file could not be read; what changed is unknown";
      }
      if (change.equals(CHANGED)) {
        return dataset + " " + period + " [" + rowKey + "] " + column + ": " + show(oldValue) + " -> "
            + show(newValue);
      }
      return dataset + " " + period + " [" + rowKey + "] row " + (change.equals(ADDED) ? "added" : "removed");
    }

    private static String show(String v) {
      return v == null ? "null" : v;
    }
  }

  /** The counts of one dataset and month. */
  public static final class MonthCount {
    public long changedCells;
    public long addedRows;
    public long removedRows;
    /** Why the previous file could not be read; null when it was read. */
    public String unreadable;

    public boolean any() {
      return changedCells + addedRows + removedRows > 0 || unreadable != null;
    }
  }

  /** What one run revised. */
  public static final class Result {
    public final String file;
    public final String previousRunId;
    public long rows;
    /** dataset → period → counts, only dataset-periods with at least one revision, in comparison order. */
    public final Map<String, Map<String, MonthCount>> byDataset = new LinkedHashMap<>();
    /** The first {@link #REPORT_FIRST} revisions of each dataset. */
    public final Map<String, List<Revision>> first = new LinkedHashMap<>();
    /** One line per previous file that could not be read. */
    public final List<String> warnings = new ArrayList<>();

    Result(String file, String previousRunId) {
      this.file = file;
      this.previousRunId = previousRunId;
    }
  }

  /** A month file this run replaces. */
  public static final class Replaced {
    final OutputTable table;
    final String period;
    final Path previous;
    final Path next;
    final String previousRunId;

    public Replaced(OutputTable table, String period, Path previous, Path next, String previousRunId) {
      this.table = table;
      this.period = period;
      this.previous = previous;
      this.next = next;
      this.previousRunId = previousRunId;
    }
  }

  private Revisions() {}

  /** The revisions file's path relative to OUT. */
  public static String relativePath(String runId) {
    return "revisions/" + runId + ".parquet";
  }

  /**
   * Compares every replaced file with its successor and writes the revisions to
   * {@code staging/revisions/<runId>.parquet} (with no rows when nothing was replaced).
   * {@code manifestRunId}: the run id of the manifest being replaced (null when none).
   */
  public static Result write(Path staging, String runId, String manifestRunId, List<Replaced> replaced)
      throws IOException {
    String rel = relativePath(runId);
    Path file = staging.resolve(rel);
    Files.createDirectories(file.getParent());
    Files.deleteIfExists(file);
    Result result = new Result(rel, manifestRunId);
    try (Compared compared = new Compared(runId, replaced);
        ParquetWriter<GenericRecord> w = AvroParquetWriter.<GenericRecord>builder(new NioOutputFile(file))
        .withSchema(SCHEMA)
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .withConf(new org.apache.hadoop.conf.Configuration(false))
        .build()) {
      for (Replaced r : replaced) {
        List<Revision> rows = compared.next(result);
        for (Revision v : rows) {
          w.write(record(v));
        }
        result.rows += rows.size();
        List<Revision> first = result.first.computeIfAbsent(r.table.datasetName, k -> new ArrayList<>());
        for (Revision v : rows) {
          if (first.size() >= REPORT_FIRST) {
            break;
          }
          first.add(v);
        }
      }
    }
    result.first.values().removeIf(List::isEmpty);
    return result;
  }

  private static GenericRecord record(Revision v) {
    GenericData.Record rec = new GenericData.Record(SCHEMA);
    rec.put("run_id", v.runId);
    rec.put("previous_run_id", v.previousRunId);
    rec.put("dataset", v.dataset);
    rec.put("period", v.period);
    rec.put("row_key", v.rowKey);
    rec.put("change", v.change);
    rec.put("column", v.column);
    rec.put("old_value", v.oldValue);
    rec.put("new_value", v.newValue);
    return rec;
  }

  /** The revisions of one replaced file; counts them into {@code result}. */
  static List<Revision> compare(String runId, Replaced r, Result result) throws IOException {
    return compareFile(runId, r).countInto(result);
  }

  /** What the comparison of one replaced file found, before it is counted into a {@link Result}. */
  private static final class FileRevisions {
    final Replaced replaced;
    final List<Revision> rows;
    final MonthCount count;
    /** The warning when the previous file could not be read; null when it was read. */
    final String warning;

    FileRevisions(Replaced replaced, List<Revision> rows, MonthCount count, String warning) {
      this.replaced = replaced;
      this.rows = rows;
      this.count = count;
      this.warning = warning;
    }

    List<Revision> countInto(Result result) {
      if (warning != null) {
        result.warnings.add(warning);
      }
      if (count.any()) {
        result.byDataset.computeIfAbsent(replaced.table.datasetName, k -> new LinkedHashMap<>())
            .put(replaced.period, count);
      }
      return rows;
    }
  }

  /** Compares one replaced file with its successor; touches nothing shared, so files compare side by side. */
  private static FileRevisions compareFile(String runId, Replaced r) throws IOException {
    MonthCount count = new MonthCount();
    try {
      return new FileRevisions(r, diff(runId, r, true, count), count, null);
    } catch (NotSorted e) {
      count = new MonthCount();
      return new FileRevisions(r, diff(runId, r, false, count), count, null);
    } catch (PreviousUnreadable e) {
      count = new MonthCount();
      count.unreadable = e.getMessage();
      return new FileRevisions(r, List.of(new Revision(runId, r.previousRunId, r.table.datasetName, r.period, null,
          PREVIOUS_UNREADABLE, null, null, null)), count, "the previously published " + r.table.monthFile(r.period)
          + " could not be read (" + e.getMessage() + "); it is replaced, and the revisions record "
          + "it as " + PREVIOUS_UNREADABLE);
    }
  }

  /**
   * The replaced files' comparisons in their given order, {@link #THREADS} of them under way at a
   * time: each file's rows are read and compared on a thread of its own, and the results are taken
   * (and counted, and written) strictly in order, so the revisions file and the counts do not
   * depend on which comparison ends first. At most {@link #THREADS} results wait in memory beside
   * the one being written. Measured (bench/README.md, eighth session): a national year's 60 files
   * took 1.1–1.4 s one after the other, single-threaded at the end of the run.
   */
  private static final class Compared implements AutoCloseable {
    /** Comparisons under way at once: the machine's cores (publishing has them to itself). */
    static final int THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    private final String runId;
    private final List<Replaced> files;
    private final java.util.ArrayDeque<java.util.concurrent.Future<FileRevisions>> pending =
        new java.util.ArrayDeque<>();
    private java.util.concurrent.ExecutorService pool;
    private int submitted;

    Compared(String runId, List<Replaced> files) {
      this.runId = runId;
      this.files = files;
    }

    /** The next file's revisions, counted into {@code result}; the files in their given order. */
    List<Revision> next(Result result) throws IOException {
      if (files.size() <= 1) { // nothing to overlap
        return compare(runId, files.get(submitted++), result);
      }
      if (pool == null) {
        pool = java.util.concurrent.Executors.newFixedThreadPool(THREADS, task -> {
          Thread t = new Thread(task, "glappet-revisions");
          t.setDaemon(true);
          return t;
        });
      }
      while (submitted < files.size() && pending.size() <= THREADS) {
        Replaced r = files.get(submitted++);
        pending.add(pool.submit(() -> compareFile(runId, r)));
      }
      try {
        return pending.remove().get().countInto(result);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while comparing the replaced month files");
      } catch (java.util.concurrent.ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof IOException) {
          throw (IOException) cause;
        }
        if (cause instanceof RuntimeException) {
          throw (RuntimeException) cause;
        }
        if (cause instanceof Error) {
          throw (Error) cause;
        }
        throw new IOException(cause);
      }
    }

    /** Stops the comparisons still under way (after a failure; at the end there are none). */
    @Override
    public void close() {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  /** Thrown when a file's rows are not in key order: compare again on sorted copies. */
  private static final class NotSorted extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  /** The previous file cannot be read; the message says why. */
  static final class PreviousUnreadable extends IOException {
    private static final long serialVersionUID = 1L;

    PreviousUnreadable(String message) {
      super(message);
    }
  }

  private static List<Revision> diff(String runId, Replaced r, boolean streaming, MonthCount count)
      throws IOException {
    List<String> key = r.table.keyColumnNames();
    List<String> rowKeyColumns = key.subList(1, key.size());
    List<Revision> out = new ArrayList<>();
    Function<GenericRecord, List<String>> keyOf = g -> {
      List<String> k = new ArrayList<>(key.size());
      for (String c : key) {
        Object v = g.getSchema().getField(c) == null ? null : g.get(c);
        if (v == null) {
          throw new MissingKey(c);
        }
        k.add(v.toString());
      }
      return k;
    };
    try (Rows prev = Rows.open(r.previous, true, streaming, keyOf);
        Rows next = Rows.open(r.next, false, streaming, keyOf)) {
      List<String> columns = null;
      Schema.Field[] inPrev = null;
      Schema.Field[] inNext = null;
      GenericRecord x = prev.next();
      GenericRecord y = next.next();
      while (x != null || y != null) {
        int c = x == null ? 1 : y == null ? -1 : compareKeys(prev.key, next.key);
        if (c < 0) {
          out.add(new Revision(runId, r.previousRunId, r.table.datasetName, r.period, rowKey(prev.key, rowKeyColumns),
              REMOVED, null, null, null));
          count.removedRows++;
          x = prev.next();
        } else if (c > 0) {
          out.add(new Revision(runId, r.previousRunId, r.table.datasetName, r.period, rowKey(next.key, rowKeyColumns),
              ADDED, null, null, null));
          count.addedRows++;
          y = next.next();
        } else {
          if (columns == null) { // every row of a file has its file's schema: look the columns up once
            columns = columns(y.getSchema(), x.getSchema(), key);
            inPrev = new Schema.Field[columns.size()];
            inNext = new Schema.Field[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
              inPrev[i] = x.getSchema().getField(columns.get(i));
              inNext[i] = y.getSchema().getField(columns.get(i));
            }
          }
          for (int i = 0; i < inPrev.length; i++) {
            String col = columns.get(i);
            Schema.Field fx = inPrev[i];
            Schema.Field fy = inNext[i];
            Object a = fx == null ? null : x.get(fx.pos());
            Object b = fy == null ? null : y.get(fy.pos());
            if (Objects.equals(a, b)) {
              continue;
            }
            String ta = CellText.of(a, fx == null ? null : fx.schema());
            String tb = CellText.of(b, fy == null ? null : fy.schema());
            if (!Objects.equals(ta, tb)) {
              out.add(new Revision(runId, r.previousRunId, r.table.datasetName, r.period,
                  rowKey(next.key, rowKeyColumns), CHANGED, col, ta, tb));
              count.changedCells++;
            }
          }
          x = prev.next();
          y = next.next();
        }
      }
    }
    return out;
  }

  /** The non-key columns: the new file's in its order, then those only the old file has. */
  private static List<String> columns(Schema next, Schema prev, List<String> key) {
    LinkedHashSet<String> names = new LinkedHashSet<>();
    for (Schema.Field f : next.getFields()) {
      names.add(f.name());
    }
    for (Schema.Field f : prev.getFields()) {
      names.add(f.name());
    }
    names.removeAll(key);
    return new ArrayList<>(names);
  }

  private static String rowKey(List<String> key, List<String> rowKeyColumns) {
    return String.join("|", key.subList(key.size() - rowKeyColumns.size(), key.size()));
  }

  static int compareKeys(List<String> a, List<String> b) {
    for (int i = 0; i < a.size(); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static final class MissingKey extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MissingKey(String column) {
      super("it has no key column " + column);
    }
  }

  /**
   * One side's rows in key order: streamed from the file (checking the order as it goes), or read
   * whole and sorted. Failures on the previous side become {@link PreviousUnreadable}.
   */
  private static final class Rows implements AutoCloseable {
    private final Path path;
    private final boolean previous;
    private final Function<GenericRecord, List<String>> keyOf;
    private ParquetFiles.Rows reader;
    private Iterator<Map.Entry<List<String>, GenericRecord>> sorted;
    List<String> key;

    private Rows(Path path, boolean previous, Function<GenericRecord, List<String>> keyOf) {
      this.path = path;
      this.previous = previous;
      this.keyOf = keyOf;
    }

    static Rows open(Path path, boolean previous, boolean streaming, Function<GenericRecord, List<String>> keyOf)
        throws IOException {
      Rows rows = new Rows(path, previous, keyOf);
      try {
        rows.reader = ParquetFiles.reader(path);
        if (!streaming) {
          List<Map.Entry<List<String>, GenericRecord>> all = new ArrayList<>();
          GenericRecord g;
          while ((g = rows.reader.read()) != null) {
            all.add(Map.entry(keyOf.apply(g), g));
          }
          all.sort((p, q) -> compareKeys(p.getKey(), q.getKey()));
          rows.sorted = all.iterator();
        }
      } catch (IOException | RuntimeException e) {
        rows.close();
        throw rows.failure(e);
      }
      return rows;
    }

    GenericRecord next() throws IOException {
      try {
        if (sorted != null) {
          if (!sorted.hasNext()) {
            return null;
          }
          Map.Entry<List<String>, GenericRecord> e = sorted.next();
          key = e.getKey();
          return e.getValue();
        }
        GenericRecord g = reader.read();
        if (g == null) {
          return null;
        }
        List<String> k = keyOf.apply(g);
        if (key != null && compareKeys(k, key) < 0) {
          throw new NotSorted();
        }
        key = k;
        return g;
      } catch (NotSorted | NoSuchElementException e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        throw failure(e);
      }
    }

    private IOException failure(Exception e) {
      if (e instanceof NotSorted) {
        throw (NotSorted) e;
      }
      if (!previous) {
        return e instanceof IOException ? (IOException) e : new IOException(e);
      }
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      if (why.contains(NioInputFile.class.getName()) || why.contains("is not a Parquet file")) {
        why = "not a Parquet file, or truncated";
      }
      return new PreviousUnreadable(IdentityNumbers.mask(why.split("\n")[0]) + ", " + sizeOf(path));
    }

    private static String sizeOf(Path p) {
      try {
        return Files.size(p) + " bytes";
      } catch (IOException e) {
        return "size unknown";
      }
    }

    @Override
    public void close() throws IOException {
      if (reader != null) {
        reader.close();
      }
    }
  }
}
