package se.glappet.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import se.glappet.disclosure.SmallCells;
import se.glappet.model.MonthFileRows;
import se.glappet.model.OutputTable;
import se.glappet.model.RunCounter;

/**
 * Disclosure control (contract section 4.6, the rules of {@link SmallCells} as each dataset
 * declares them) and the month files of every dataset, in one step: the rows of all datasets are
 * grouped once by month file, and each group is suppressed, sorted by key and written as
 * {@code <staging>/<dataset>/<YYYY-MM>.parquet}. Input: one element per month file, its rows packed
 * ({@link MonthFileRows}, as {@code figures.ComputeFigures} yields them), before disclosure control
 * (after it for a dataset that applies it inside the step that computes it, {@code inStep()});
 * they are grouped by month file as bytes and unpacked where they are written. Yields a
 * {@link RunCounter#rowsWritten} count per month file and {@link RunCounter#cellsSuppressed}
 * counts (per month file; summed with the others of the run).
 *
 * <p>One GroupByKey for all datasets and months, and disclosure control in the same function as
 * the writing, because on Flink each step boundary serializes its elements and each grouping costs
 * about half a second even for a few thousand rows (issue 13). A month holds whole
 * municipality-months, so the by-reason tables' secondary suppression sees the same groups as when
 * it grouped by municipality-month itself.
 */
public final class WriteMonthFiles extends PTransform<PCollection<byte[]>, PCollection<KV<RunCounter, Long>>> {
  private static final long serialVersionUID = 1L;
  private static final OutputTable[] TABLES = OutputTable.values();

  private final String stagingDir;

  public WriteMonthFiles(String stagingDir) {
    this.stagingDir = stagingDir;
  }

  /** Path of one month file in {@code dir} (the output folder or its staging folder). */
  public static Path monthFile(Path dir, OutputTable table, String period) {
    return dir.resolve(table.monthFile(period));
  }

  /**
   * Completes the month files in the staging folder: every dataset gets a file for every month in
   * {@code months}, an empty one where the graph wrote none (a month in which a table has no row
   * is still published, so that it replaces what an earlier run published for it). Returns every
   * month file's path relative to the staging folder, in dataset and month order.
   */
  public static List<String> completeStaging(Path staging, List<YearMonth> months) throws IOException {
    List<String> staged = new ArrayList<>();
    for (OutputTable t : TABLES) {
      for (YearMonth m : months) {
        Path f = monthFile(staging, t, m.toString());
        if (!Files.exists(f)) {
          ParquetFiles.write(f, t, List.of());
        }
        staged.add(t.monthFile(m.toString()));
      }
    }
    return staged;
  }

  @Override
  public PCollection<KV<RunCounter, Long>> expand(PCollection<byte[]> monthFiles) {
    return monthFiles
        .apply("KeyByMonthFile", ParDo.of(new KeyPackedByMonthFile()))
        .setCoder(KvCoder.of(MonthFile.MonthFileCoder.of(), ByteArrayCoder.of()))
        .apply("GroupMonthFiles", GroupByKey.create())
        .apply("SuppressAndWrite", ParDo.of(new SuppressAndWritePackedFn(stagingDir)))
        .setCoder(KvCoder.of(RunCounter.RunCounterCoder.of(), VarLongCoder.of()));
  }

  /** Packed rows under the month file they belong to (read from their header only). */
  static final class KeyPackedByMonthFile extends DoFn<byte[], KV<MonthFile, byte[]>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element byte[] packed, OutputReceiver<KV<MonthFile, byte[]>> out) {
      MonthFileRows h = MonthFileRows.header(packed);
      out.output(KV.of(new MonthFile(h.table, h.period), packed));
    }
  }

  /** Disclosure control on one month of one dataset, then its file: its rows unpacked here; yields its counters. */
  static final class SuppressAndWritePackedFn extends DoFn<KV<MonthFile, Iterable<byte[]>>, KV<RunCounter, Long>> {
    private static final long serialVersionUID = 1L;
    private final String stagingDir;

    SuppressAndWritePackedFn(String stagingDir) {
      this.stagingDir = stagingDir;
    }

    @ProcessElement
    public void process(@Element KV<MonthFile, Iterable<byte[]>> month, OutputReceiver<KV<RunCounter, Long>> out)
        throws IOException {
      List<Row> computed = new ArrayList<>();
      for (byte[] packed : month.getValue()) {
        computed.addAll(MonthFileRows.unpack(packed).rows);
      }
      suppressAndWrite(stagingDir, month.getKey(), computed, out);
    }
  }

  /** Disclosure control on the computed rows of one month file, then the file; its counters to {@code out}. */
  static void suppressAndWrite(String stagingDir, MonthFile file, List<Row> computed,
      DoFn.OutputReceiver<KV<RunCounter, Long>> out) throws IOException {
    OutputTable t = file.table;
    String period = file.period;
    List<Row> published = new ArrayList<>(computed.size());
    long nulled = 0;
    for (SmallCells.Result r : SmallCells.month(t, computed)) {
      published.add(r.row);
      nulled += r.cellsNulled;
    }
    published.sort(t.keyOrder());
    long n = ParquetFiles.write(monthFile(Paths.get(stagingDir), t, period), t, published);
    out.output(KV.of(RunCounter.rowsWritten(t, period), n));
    if (nulled > 0) {
      out.output(KV.of(RunCounter.cellsSuppressed(t), nulled));
    }
  }

  /** One month file: a dataset and a period YYYY-MM. */
  public static final class MonthFile {
    public final OutputTable table;
    public final String period;

    public MonthFile(OutputTable table, String period) {
      this.table = Objects.requireNonNull(table);
      this.period = Objects.requireNonNull(period);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof MonthFile && table == ((MonthFile) o).table && period.equals(((MonthFile) o).period);
    }

    @Override
    public int hashCode() {
      return table.hashCode() * 31 + period.hashCode();
    }

    @Override
    public String toString() {
      return table.datasetName + "/" + period;
    }

    /** The dataset's ordinal and the period; deterministic, so month files can be grouped. */
    public static final class MonthFileCoder extends AtomicCoder<MonthFile> {
      private static final long serialVersionUID = 1L;

      public static MonthFileCoder of() {
        return new MonthFileCoder();
      }

      @Override
      public void encode(MonthFile f, OutputStream out) throws IOException {
        out.write(f.table.ordinal());
        StringUtf8Coder.of().encode(f.period, out);
      }

      @Override
      public MonthFile decode(InputStream in) throws IOException {
        int ordinal = in.read();
        if (ordinal < 0 || ordinal >= TABLES.length) {
          throw new CoderException("no dataset with ordinal " + ordinal);
        }
        return new MonthFile(TABLES[ordinal], StringUtf8Coder.of().decode(in));
      }

      @Override
      public void verifyDeterministic() {}

      @Override
      public boolean consistentWithEquals() {
        return true;
      }
    }
  }
}
