package se.glappet.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import se.glappet.ingest.RejectReason;
import se.glappet.ingest.RejectedRow;

/**
 * The rejected-rows Parquet file of the quality report (contract section 4.7): written here, and
 * read back here for the report's examples.
 */
public final class RejectsFile {
  static final Schema SCHEMA = SchemaBuilder.record("rejected").namespace("se.glappet").fields()
      .requiredString("dataset")
      .requiredString("file")
      .requiredLong("line")
      .requiredString("reason")
      .optionalString("column")
      .requiredString("message")
      .requiredString("raw_line")
      .endRecord();

  /** Report order: dataset, file, line, reason. */
  public static final Comparator<RejectedRow> ORDER = Comparator
      .comparing((RejectedRow r) -> r.dataset)
      .thenComparing(r -> r.file)
      .thenComparingInt(r -> r.line)
      .thenComparing(r -> r.reason);

  private RejectsFile() {}

  public static void write(Path path, List<RejectedRow> rows) throws IOException {
    Files.createDirectories(path.getParent());
    Files.deleteIfExists(path);
    rows.sort(ORDER);
    try (ParquetWriter<GenericRecord> w = AvroParquetWriter.<GenericRecord>builder(new NioOutputFile(path))
        .withSchema(SCHEMA)
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .withConf(new org.apache.hadoop.conf.Configuration(false))
        .build()) {
      for (RejectedRow r : rows) {
        GenericData.Record rec = new GenericData.Record(SCHEMA);
        rec.put("dataset", r.dataset);
        rec.put("file", r.file);
        rec.put("line", (long) r.line);
        rec.put("reason", r.reason.name());
        rec.put("column", r.column);
        rec.put("message", r.message);
        rec.put("raw_line", r.rawLine);
        w.write(rec);
      }
    }
  }

  /** The first {@code n} rows of the file, in file order (which is {@link #ORDER} for files written here). */
  public static List<RejectedRow> first(Path path, int n) throws IOException {
    List<RejectedRow> out = new ArrayList<>();
    try (ParquetFiles.Rows r = ParquetFiles.reader(path)) {
      GenericRecord g;
      while (out.size() < n && (g = r.read()) != null) {
        out.add(new RejectedRow(g.get("dataset").toString(), g.get("file").toString(),
            (int) (long) (Long) g.get("line"), RejectReason.valueOf(g.get("reason").toString()),
            g.get("column") == null ? null : g.get("column").toString(), g.get("message").toString(),
            g.get("raw_line").toString()));
      }
    }
    return out;
  }
}
