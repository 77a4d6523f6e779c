package se.glappet.publish;

import se.glappet.model.OutputTable;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.values.Row;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/** Writes rows of one output table to one Parquet file, sorted by key. */
public final class ParquetFiles {
  /**
   * Test hook: a path fragment; writing a file whose path contains it fails as a full disk would.
   * Used by the failure-mode tests (the DirectRunner runs in the test's JVM).
   */
  public static final String FAULT_PROPERTY = "glappet.test.failWritesContaining";

  private ParquetFiles() {}

  static void injectedFault(Path path) throws IOException {
    String fragment = System.getProperty(FAULT_PROPERTY);
    if (fragment != null && !fragment.isEmpty() && path.toString().contains(fragment)) {
      throw new IOException("No space left on device (injected fault writing " + path.getFileName() + ")");
    }
  }

  /**
   * A reader of a Parquet file's rows as Avro records: the one way this package reads its files
   * back. Its Hadoop configuration has no default resources: a default {@code Configuration}
   * parses {@code core-default.xml} once per reader (RIM export, anomaly flags and rejects read
   * dozens of files per run).
   */
  public static ParquetReader<GenericRecord> reader(Path path) throws IOException {
    return AvroParquetReader.<GenericRecord>builder(new NioInputFile(path))
        .withConf(new org.apache.hadoop.conf.Configuration(false)).build();
  }

  /**
   * Writes {@code rows} (in the given order) to {@code path}, replacing it; returns the row count.
   * The folder above the file's folder must exist.
   */
  public static long write(Path path, OutputTable table, List<Row> rows) throws IOException {
    injectedFault(path);
    if (!Files.isDirectory(path.getParent())) {
      // One level only: the dataset's folder inside the staging folder, never the staging folder.
      try {
        Files.createDirectory(path.getParent());
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // another month's writer made it first
      }
    }
    Schema schema = table.avroSchema();
    GenericData model = new GenericData();
    model.addLogicalTypeConversion(new Conversions.DecimalConversion());
    Files.deleteIfExists(path);
    try (ParquetWriter<GenericRecord> w = AvroParquetWriter.<GenericRecord>builder(new NioOutputFile(path))
        .withSchema(schema)
        .withDataModel(model)
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .withConf(new org.apache.hadoop.conf.Configuration(false))
        .build()) {
      for (Row r : rows) {
        GenericData.Record rec = new GenericData.Record(schema);
        for (OutputTable.Col col : table.columns) {
          Object v = r.getValue(col.name);
          if (v instanceof BigDecimal) {
            v = ((BigDecimal) v).setScale(2, java.math.RoundingMode.UNNECESSARY);
          }
          rec.put(col.name, v);
        }
        w.write(rec);
      }
    }
    return rows.size();
  }
}
