package se.glappet.pipeline;

import java.io.Serializable;
import java.time.YearMonth;
import java.util.List;
import se.glappet.ingest.InputFile;
import se.glappet.reference.Municipalities;

/** What one batch reads and where it stages its results: everything the graph needs. */
public final class BatchSpec implements Serializable {
  private static final long serialVersionUID = 1L;

  public final List<InputFile> inputFiles;
  public final Municipalities municipalities;
  /** Null: from the data. */
  public final YearMonth from;
  /** Null: from the data. */
  public final YearMonth to;
  /** A folder the graph writes its results into; the driver publishes from there. */
  public final String stagingDir;

  public BatchSpec(List<InputFile> inputFiles, Municipalities municipalities, YearMonth from, YearMonth to,
      String stagingDir) {
    this.inputFiles = inputFiles;
    this.municipalities = municipalities;
    this.from = from;
    this.to = to;
    this.stagingDir = stagingDir;
  }

  public String statsFile() {
    return stagingDir + "/run-stats.tsv";
  }

  public String rejectsFile() {
    return stagingDir + "/rejected.parquet";
  }
}
