package se.glappet.ingest;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/** What reading one file found: size, checksum, dialect, data rows read and unknown columns. */
public final class FileInfo implements Serializable {
  private static final long serialVersionUID = 1L;

  public final String dataset;
  public final String file;
  public final long bytes;
  public final String sha256;
  public final String encoding;
  public final String separator;
  public final long rowsRead;
  public final List<String> unknownColumns;

  public FileInfo(String dataset, String file, long bytes, String sha256, String encoding,
      String separator, long rowsRead, List<String> unknownColumns) {
    this.dataset = dataset;
    this.file = file;
    this.bytes = bytes;
    this.sha256 = sha256;
    this.encoding = encoding;
    this.separator = separator;
    this.rowsRead = rowsRead;
    this.unknownColumns = unknownColumns;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof FileInfo)) {
      return false;
    }
    FileInfo f = (FileInfo) o;
    return Objects.equals(dataset, f.dataset) && Objects.equals(file, f.file) && bytes == f.bytes
        && Objects.equals(sha256, f.sha256) && Objects.equals(encoding, f.encoding)
        && Objects.equals(separator, f.separator) && rowsRead == f.rowsRead
        && Objects.equals(unknownColumns, f.unknownColumns);
  }

  @Override
  public int hashCode() {
    return Objects.hash(dataset, file, sha256);
  }
}
