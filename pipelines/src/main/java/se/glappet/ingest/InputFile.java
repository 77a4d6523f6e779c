package se.glappet.ingest;

import java.io.Serializable;
import java.util.Objects;

/** One input file to read: its dataset, its path relative to the input folder, and where it lives. */
public final class InputFile implements Serializable {
  private static final long serialVersionUID = 1L;

  public final Dataset dataset;
  /** Relative to the input folder, with {@code /} separators, e.g. {@code income-support/0127.csv}. */
  public final String relativePath;
  /** Absolute path or Beam file system URI. */
  public final String location;

  public InputFile(Dataset dataset, String relativePath, String location) {
    this.dataset = dataset;
    this.relativePath = relativePath;
    this.location = location;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InputFile && ((InputFile) o).location.equals(location)
        && ((InputFile) o).dataset == dataset;
  }

  @Override
  public int hashCode() {
    return Objects.hash(dataset, location);
  }
}
