package se.glappet.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Objects;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/**
 * What the graph counts for the run statistics ({@link RunStats}): rejected rows per dataset, file
 * and reason; rows written per staged month file; cells nulled by disclosure control per dataset.
 * Summed per counter, then written as one line of the staged run-stats file.
 */
public final class RunCounter implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The kinds of counters. */
  public enum Kind {
    /** Rows rejected: dataset (input folder), file, reason. */
    REJECTED,
    /** Rows written: dataset (output table), period of the month file. */
    ROWS_WRITTEN,
    /** Cells nulled by disclosure control: dataset (output table). */
    CELLS_SUPPRESSED
  }

  public final Kind kind;
  public final String dataset;
  /** The input file (REJECTED) or the month YYYY-MM (ROWS_WRITTEN); empty otherwise. */
  public final String where;
  /** The reject reason (REJECTED); empty otherwise. */
  public final String reason;

  private RunCounter(Kind kind, String dataset, String where, String reason) {
    this.kind = Objects.requireNonNull(kind);
    this.dataset = Objects.requireNonNull(dataset);
    this.where = Objects.requireNonNull(where);
    this.reason = Objects.requireNonNull(reason);
  }

  public static RunCounter rejected(String dataset, String file, String reason) {
    return new RunCounter(Kind.REJECTED, dataset, file, reason);
  }

  public static RunCounter rowsWritten(OutputTable table, String period) {
    return new RunCounter(Kind.ROWS_WRITTEN, table.datasetName, period, "");
  }

  public static RunCounter cellsSuppressed(OutputTable table) {
    return new RunCounter(Kind.CELLS_SUPPRESSED, table.datasetName, "", "");
  }

  /** ROWS_WRITTEN: the month file's path relative to the output folder. */
  public String monthFile() {
    return OutputTable.monthFile(dataset, where);
  }

  /** The counter's fields as one tab-separated text (none holds a tab or a line break). */
  public String toLine() {
    return kind + "\t" + dataset + "\t" + where + "\t" + reason;
  }

  /** Reads {@link #toLine()}'s text back from four fields. */
  public static RunCounter fromFields(String kind, String dataset, String where, String reason) {
    return new RunCounter(Kind.valueOf(kind), dataset, where, reason);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RunCounter)) {
      return false;
    }
    RunCounter c = (RunCounter) o;
    return kind == c.kind && dataset.equals(c.dataset) && where.equals(c.where) && reason.equals(c.reason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, dataset, where, reason);
  }

  @Override
  public String toString() {
    return toLine().replace('\t', ' ');
  }

  /** A kind byte and three strings; deterministic, so counters can be grouped and summed. */
  public static final class RunCounterCoder extends AtomicCoder<RunCounter> {
    private static final long serialVersionUID = 1L;
    private static final StringUtf8Coder TEXT = StringUtf8Coder.of();

    public static RunCounterCoder of() {
      return new RunCounterCoder();
    }

    @Override
    public void encode(RunCounter c, OutputStream out) throws IOException {
      out.write(c.kind.ordinal());
      TEXT.encode(c.dataset, out);
      TEXT.encode(c.where, out);
      TEXT.encode(c.reason, out);
    }

    @Override
    public RunCounter decode(InputStream in) throws IOException {
      Kind kind = Kind.values()[in.read()];
      return new RunCounter(kind, TEXT.decode(in), TEXT.decode(in), TEXT.decode(in));
    }

    @Override
    public void verifyDeterministic() {}

    @Override
    public boolean consistentWithEquals() {
      return true;
    }
  }
}
