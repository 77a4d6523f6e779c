package se.glappet.publish;

import se.glappet.model.RunCounter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.values.KV;
import se.glappet.ingest.Dataset;
import se.glappet.ingest.RejectReason;
import se.glappet.model.MonthRange;

/**
 * What the graph counted, read back by the driver from the staging folder: files read, rejects per
 * dataset, file and reason, rows per staged file, suppressed cells, the month range, and the
 * municipality-months that did not report (non-response, contract section 4).
 */
public final class RunStats {
  /** The first field of a non-response line: {@code non_response<TAB>YYYY-MM<TAB>code}. */
  public static final String NON_RESPONSE = "non_response";

  /** A municipality in the batch that did not report a month of the run. */
  public static final class NonResponse implements Comparable<NonResponse> {
    public final YearMonth period;
    public final String municipalityCode;

    public NonResponse(YearMonth period, String municipalityCode) {
      this.period = period;
      this.municipalityCode = municipalityCode;
    }

    /** By period, then municipality code. */
    @Override
    public int compareTo(NonResponse o) {
      int c = period.compareTo(o.period);
      return c != 0 ? c : municipalityCode.compareTo(o.municipalityCode);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof NonResponse && compareTo((NonResponse) o) == 0;
    }

    @Override
    public int hashCode() {
      return period.hashCode() * 31 + municipalityCode.hashCode();
    }

    @Override
    public String toString() {
      return period + " " + municipalityCode;
    }
  }

  /** One input file as read. */
  public static final class FileStat {
    public final String dataset;
    public final String file;
    public final long bytes;
    public final String sha256;
    public final String encoding;
    public final String separator;
    public final long rowsRead;
    public long rejected;
    public final List<String> unknownColumns = new ArrayList<>();

    FileStat(JsonNode n) {
      dataset = n.get("dataset").asText();
      file = n.get("file").asText();
      bytes = n.get("bytes").asLong();
      sha256 = n.get("sha256").asText();
      encoding = n.get("encoding").asText();
      separator = n.get("separator").asText();
      rowsRead = n.get("rowsRead").asLong();
      n.get("unknownColumns").forEach(u -> unknownColumns.add(u.asText()));
    }

    public long accepted() {
      return rowsRead - rejected;
    }
  }

  public MonthRange range = MonthRange.EMPTY;
  /** First and last month with any accepted row of any dataset (empty when none). */
  public MonthRange dataMonths = MonthRange.EMPTY;
  public final Map<String, FileStat> files = new TreeMap<>();
  /** dataset → reason → rows. */
  public final Map<String, Map<String, Long>> rejectsByReason = new TreeMap<>();
  /** staged relative path → rows. */
  public final Map<String, Long> rowsWritten = new TreeMap<>();
  /** dataset name → cells. */
  public final Map<String, Long> suppressedCells = new TreeMap<>();
  /** Every municipality in the batch and month of the run that did not report, by period then code. */
  public final java.util.SortedSet<NonResponse> nonResponse = new java.util.TreeSet<>();

  public static RunStats read(Path file) throws IOException {
    RunStats s = new RunStats();
    ObjectMapper json = new ObjectMapper();
    List<String[]> counters = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] f = line.split("\t", -1);
      switch (f[0]) {
        case "range":
          s.range = f[1].isEmpty() ? MonthRange.EMPTY : new MonthRange(YearMonth.parse(f[1]), YearMonth.parse(f[2]));
          break;
        case "data":
          s.dataMonths = new MonthRange(YearMonth.parse(f[1]), YearMonth.parse(f[2]));
          break;
        case "file":
          FileStat fs = new FileStat(json.readTree(f[1]));
          s.files.put(fs.file, fs);
          break;
        case "counter":
          counters.add(f);
          break;
        case NON_RESPONSE:
          s.nonResponse.add(new NonResponse(YearMonth.parse(f[1]), f[2]));
          break;
        default:
          throw new IOException("unexpected line in run statistics: " + f[0]);
      }
    }
    for (String[] f : counters) {
      if (f.length != 6) {
        throw new IOException("unexpected counter line in run statistics: " + String.join(" ", f));
      }
      RunCounter c = RunCounter.fromFields(f[1], f[2], f[3], f[4]);
      long n = Long.parseLong(f[5]);
      switch (c.kind) {
        case REJECTED:
          s.rejectsByReason.computeIfAbsent(c.dataset, x -> new TreeMap<>()).merge(c.reason, n, Long::sum);
          FileStat fs = s.files.get(c.where);
          if (fs != null) {
            fs.rejected += n;
          }
          break;
        case ROWS_WRITTEN:
          s.rowsWritten.put(c.monthFile(), n);
          break;
        case CELLS_SUPPRESSED:
          s.suppressedCells.put(c.dataset, n);
          break;
        default:
          throw new IOException("unexpected counter " + c);
      }
    }
    return s;
  }

  /** A summed counter's line: {@code counter<TAB>kind<TAB>dataset<TAB>file or period<TAB>reason<TAB>n}. */
  public static String counterLine(KV<RunCounter, Long> counted) {
    return "counter\t" + counted.getKey().toLine() + "\t" + counted.getValue();
  }

  /** The month range's line: {@code range<TAB>from<TAB>to}, both empty for an empty range. */
  public static String rangeLine(MonthRange r) {
    return "range\t" + (r.isEmpty() ? "\t" : r.from + "\t" + r.to);
  }

  public long rowsRead(String dataset) {
    return files.values().stream().filter(f -> f.dataset.equals(dataset)).mapToLong(f -> f.rowsRead).sum();
  }

  public long rejected(String dataset) {
    return rejectsByReason.getOrDefault(dataset, Map.of()).values().stream().mapToLong(Long::longValue).sum();
  }

  /** Rejected rows that count against the quality gate: all but DUPLICATE_ROW. */
  public long rejectedForGate(String dataset) {
    return rejected(dataset) - rejectsByReason.getOrDefault(dataset, Map.of())
        .getOrDefault(RejectReason.DUPLICATE_ROW.name(), 0L);
  }

  /** The dataset folders in contract order. */
  public static List<String> datasets() {
    List<String> out = new ArrayList<>();
    for (Dataset d : Dataset.values()) {
      out.add(d.folder);
    }
    return out;
  }
}
