package se.glappet.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import se.glappet.ingest.Dataset;
import se.glappet.ingest.FileParser;
import se.glappet.ingest.ParsedRow;
import se.glappet.ingest.RejectedRow;
import se.glappet.reference.Municipalities;

/**
 * The row checks alone (reading, splitting, checking and digesting every line; no Beam, no Flink):
 * every payment file of an input folder, already in memory, through {@link FileParser#parseRows}
 * on one thread, several times in one JVM. It prints each pass's wall and CPU seconds, so a change
 * to the parser can be measured without the batch's noise (issue 13, seventh session).
 *
 * <pre>
 * java -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xmx1536m -cp TEST_CLASSPATH se.glappet.bench.ParseBench \
 *     DIR/income-support [PASSES]
 * </pre>
 *
 * <p>{@code -XX:TieredStopAtLevel=1} is the launcher's compiler below 1 GB of input. Compare two
 * builds by running them alternately and taking the median of the passes after the first.
 */
public final class ParseBench {
  private ParseBench() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: ParseBench DIR/income-support [PASSES]");
      System.exit(2);
    }
    Path dir = Paths.get(args[0]);
    int passes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    List<byte[]> files = new ArrayList<>();
    List<String> names = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : (Iterable<Path>) s.sorted()::iterator) {
        files.add(Files.readAllBytes(p));
        names.add("income-support/" + p.getFileName());
      }
    }
    Set<String> municipalities = new HashSet<>(Municipalities.shipped().byCode().keySet());
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int pass = 0; pass < passes; pass++) {
      long[] counts = new long[2];
      FileParser.Sink sink = new FileParser.Sink() {
        @Override
        public void accepted(ParsedRow row) {
          counts[0]++;
        }

        @Override
        public void rejected(RejectedRow row) {
          counts[1]++;
        }
      };
      long wall = System.nanoTime();
      long cpu = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < files.size(); i++) {
        FileParser.parseRows(Dataset.INCOME_SUPPORT, names.get(i), files.get(i), municipalities, sink);
      }
      System.out.printf(Locale.ROOT, "pass %d: %.3f s wall, %.3f s CPU, %d rows accepted, %d rejected%n", pass,
          (System.nanoTime() - wall) / 1e9, (threads.getCurrentThreadCpuTime() - cpu) / 1e9, counts[0], counts[1]);
    }
  }
}
