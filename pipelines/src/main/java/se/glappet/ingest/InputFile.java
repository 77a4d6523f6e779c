package se.glappet.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.channels.Channels;
import java.util.Objects;
import org.apache.beam.sdk.io.FileSystems;
import se.glappet.privacy.IdentityNumbers;

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

  /** The file's bytes; an error names the file by its masked relative path. */
  byte[] readBytes() throws IOException {
    try (InputStream in = Channels.newInputStream(
        FileSystems.open(FileSystems.matchSingleFileSpec(location).resourceId()))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IOException("cannot read input file " + IdentityNumbers.mask(relativePath) + ": "
          + IdentityNumbers.mask(String.valueOf(e.getMessage())), e);
    }
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
