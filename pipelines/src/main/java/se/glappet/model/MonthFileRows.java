package se.glappet.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.values.Row;

/**
 * The rows of one month file (one dataset, one period YYYY-MM) packed into bytes: the dataset's
 * ordinal, the period, the row count, then each row in the {@link RowCoder} of the dataset's
 * schema. The figures leave their step this way ({@code figures.ComputeFigures}): encoded once
 * where they are made, copied as bytes by every reader of the step's outputs (on Flink's batch
 * engine each output of a step is read in full by the reader of every output), decoded once where
 * the month file is written ({@code publish.WriteMonthFiles}).
 */
public final class MonthFileRows {
  private static final OutputTable[] TABLES = OutputTable.values();
  private static final RowCoder[] CODERS = new RowCoder[TABLES.length];

  static {
    for (OutputTable t : TABLES) {
      CODERS[t.ordinal()] = RowCoder.of(t.beamSchema());
    }
  }

  public final OutputTable table;
  public final String period;
  public final List<Row> rows;

  private MonthFileRows(OutputTable table, String period, List<Row> rows) {
    this.table = table;
    this.period = period;
    this.rows = rows;
  }

  /** {@code rows}, all of {@code table} and {@code period}, packed. */
  public static byte[] pack(OutputTable table, String period, List<Row> rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + rows.size() * 64);
    try {
      out.write(table.ordinal());
      StringUtf8Coder.of().encode(period, out);
      VarIntCoder.of().encode(rows.size(), out);
      for (Row r : rows) {
        if (r.getSchema() != table.beamSchema() && !r.getSchema().equals(table.beamSchema())) {
          throw new IllegalArgumentException("a row of another dataset in a month file of " + table.datasetName);
        }
        CODERS[table.ordinal()].encode(r, out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The dataset and period of packed rows, without their rows. */
  public static MonthFileRows header(byte[] packed) {
    return read(packed, false);
  }

  /** Packed rows unpacked. */
  public static MonthFileRows unpack(byte[] packed) {
    return read(packed, true);
  }

  private static MonthFileRows read(byte[] packed, boolean withRows) {
    ByteArrayInputStream in = new ByteArrayInputStream(packed);
    try {
      int ordinal = in.read();
      if (ordinal < 0 || ordinal >= TABLES.length) {
        throw new IllegalArgumentException("packed rows of no dataset (" + ordinal + ")");
      }
      OutputTable table = TABLES[ordinal];
      String period = StringUtf8Coder.of().decode(in);
      List<Row> rows = new ArrayList<>();
      if (withRows) {
        int n = VarIntCoder.of().decode(in);
        for (int i = 0; i < n; i++) {
          rows.add(CODERS[ordinal].decode(in));
        }
        if (in.available() > 0) {
          throw new IllegalArgumentException("packed rows with " + in.available() + " bytes after the last row");
        }
      }
      return new MonthFileRows(table, period, rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
