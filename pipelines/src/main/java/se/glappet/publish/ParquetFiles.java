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
import org.apache.parquet.avro.AvroParquetWriter;
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
   * parses {@code core-default.xml} once per reader (RIM export, anomaly flags, revisions and
   * rejects read dozens of files per run).
   */
  public static Rows reader(Path path) throws IOException {
    return new Rows(path);
  }

  /**
   * A Parquet file's rows as Avro records, one after the other: what parquet-avro's
   * {@code AvroParquetReader} reads, with the same read support, options and record assembly, but
   * opened without it. Its builder makes a default Hadoop {@code Configuration} and reads it before
   * {@code withConf} can replace it, which parsed {@code core-default.xml} for every file read back
   * (about 0.3 s of a national year's single-threaded publishing; bench/README.md, eighth session).
   */
  public static final class Rows implements java.io.Closeable {
    private final org.apache.parquet.hadoop.ParquetFileReader file;
    private final org.apache.parquet.io.MessageColumnIO columns;
    private final org.apache.parquet.io.api.RecordMaterializer<GenericRecord> records;
    private org.apache.parquet.io.RecordReader<GenericRecord> group;
    /** Rows not yet read in {@link #group}. */
    private long left;

    Rows(Path path) throws IOException {
      org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration(false);
      file = org.apache.parquet.hadoop.ParquetFileReader.open(new NioInputFile(path),
          org.apache.parquet.HadoopReadOptions.builder(conf).build());
      try {
        org.apache.parquet.hadoop.metadata.FileMetaData meta = file.getFooter().getFileMetaData();
        org.apache.parquet.schema.MessageType schema = meta.getSchema();
        java.util.Map<String, java.util.Set<String>> keyValues = new java.util.HashMap<>();
        meta.getKeyValueMetaData().forEach((k, v) -> keyValues.put(k, java.util.Set.of(v)));
        org.apache.parquet.avro.AvroReadSupport<GenericRecord> support = new org.apache.parquet.avro.AvroReadSupport<>();
        org.apache.parquet.hadoop.api.ReadSupport.ReadContext context =
            support.init(new org.apache.parquet.hadoop.api.InitContext(conf, keyValues, schema));
        file.setRequestedSchema(context.getRequestedSchema());
        records = support.prepareForRead(conf, meta.getKeyValueMetaData(), schema, context);
        columns = new org.apache.parquet.io.ColumnIOFactory(meta.getCreatedBy())
            .getColumnIO(context.getRequestedSchema(), schema, true);
      } catch (RuntimeException e) {
        file.close();
        throw e;
      }
    }

    /** The next row, or null after the last. */
    public GenericRecord read() throws IOException {
      while (true) {
        while (left == 0) {
          org.apache.parquet.column.page.PageReadStore pages = file.readNextRowGroup();
          if (pages == null) {
            return null;
          }
          left = pages.getRowCount();
          group = columns.getRecordReader(pages, records,
              org.apache.parquet.filter2.compat.FilterCompat.NOOP);
        }
        left--;
        GenericRecord r = group.read();
        if (r != null && !group.shouldSkipCurrentRecord()) {
          return r;
        }
      }
    }

    @Override
    public void close() throws IOException {
      file.close();
    }
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
