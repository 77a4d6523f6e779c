package se.glappet.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A published month file that cannot be read (truncated, damaged, or not Parquet). Its message is one
 * line naming the file and what to do; it never carries DuckDB's text, which repeats the SQL.
 */
public final class PublishedFileException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  PublishedFileException(Path file) {
    super(message(file));
    this.file = file;
  }

  /** The unreadable file. */
  public Path file() {
    return file;
  }

  static String message(Path file) {
    String name = file.getFileName().toString();
    String period = name.endsWith(".parquet") ? name.substring(0, name.length() - ".parquet".length()) : name;
    Path out = file.toAbsolutePath().getParent() == null ? null : file.toAbsolutePath().getParent().getParent();
    return "cannot read " + file + " (" + size(file) + "; damaged or not a Parquet file): re-run glappet batch"
        + " with --from " + period + " --to " + period + " to publish that month again, or run glappet verify"
        + " --output " + (out == null ? "OUT" : out.toString()) + " to check the publication";
  }

  private static String size(Path file) {
    try {
      return Files.size(file) + " bytes";
    } catch (IOException e) {
      return "size unknown";
    }
  }
}
