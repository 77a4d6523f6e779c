package se.glappet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Checks that two batch runs published the same thing, for a paired A/B of two builds or settings
 * ({@code bench/ab.sh}): the same month files, each with the same rows (DuckDB {@code EXCEPT ALL}
 * both ways, so a changed value, a lost row or a doubled one all count), and the same rejected rows
 * in the latest run's {@code quality/<run id>/rejected.parquet}. Files outside the dataset folders
 * (the manifest, the quality report, the revisions log) carry run ids and times and are not compared.
 *
 * <pre>
 * java -cp TEST_CLASSPATH se.glappet.bench.SameOutputs OUT_A OUT_B
 * </pre>
 *
 * <p>Prints one line, {@code SAME OUTPUTS: ...} (exit status 0) or {@code DIFFERENT OUTPUTS: ...}
 * with what differs (exit status 1).
 */
public final class SameOutputs {
  private SameOutputs() {}

  /** What a comparison found: the counts compared and what differs (empty: nothing). */
  static final class Result {
    int files;
    long rows;
    long rejects;
    final List<String> differences = new ArrayList<>();

    boolean same() {
      return differences.isEmpty();
    }

    @Override
    public String toString() {
      String counts = files + " month files, " + rows + " rows, " + rejects + " rejected rows";
      return same() ? "SAME OUTPUTS: " + counts
          : "DIFFERENT OUTPUTS (" + counts + " in the first): " + String.join("; ", differences);
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("Usage: SameOutputs OUT_A OUT_B");
      System.exit(2);
    }
    Result r = compare(Path.of(args[0]), Path.of(args[1]));
    System.out.println(r);
    System.exit(r.same() ? 0 : 1);
  }

  static Result compare(Path a, Path b) throws Exception {
    Result r = new Result();
    TreeSet<String> inA = monthFiles(a);
    TreeSet<String> inB = monthFiles(b);
    for (String f : inA) {
      if (!inB.contains(f)) {
        r.differences.add("only in the first: " + f);
      }
    }
    for (String f : inB) {
      if (!inA.contains(f)) {
        r.differences.add("only in the second: " + f);
      }
    }
    try (Connection con = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = con.createStatement()) {
      for (String f : inA) {
        if (!inB.contains(f)) {
          continue;
        }
        r.files++;
        long[] c = exceptBothWays(st, a.resolve(f), b.resolve(f));
        r.rows += c[0];
        if (c[1] + c[2] > 0) {
          r.differences.add(f + ": " + c[1] + " rows only in the first, " + c[2] + " only in the second");
        }
      }
      Path ra = latestRejects(a);
      Path rb = latestRejects(b);
      if (ra == null || rb == null) {
        if (ra != rb) {
          r.differences.add("rejected rows: a quality/<run id>/rejected.parquet in only one of them");
        }
      } else {
        long[] c = exceptBothWays(st, ra, rb);
        r.rejects = c[0];
        if (c[1] + c[2] > 0) {
          r.differences.add("rejected rows: " + c[1] + " only in the first, " + c[2] + " only in the second");
        }
      }
    }
    return r;
  }

  /** The month files of every dataset folder: {@code <dataset>/<file>.parquet}, relative to out. */
  static TreeSet<String> monthFiles(Path out) throws IOException {
    TreeSet<String> files = new TreeSet<>();
    try (Stream<Path> dirs = Files.list(out)) {
      for (Path d : (Iterable<Path>) dirs::iterator) {
        String name = d.getFileName().toString();
        if (!Files.isDirectory(d) || name.startsWith(".") || name.equals("quality") || name.equals("revisions")) {
          continue;
        }
        try (Stream<Path> in = Files.list(d)) {
          in.filter(p -> p.getFileName().toString().endsWith(".parquet"))
              .forEach(p -> files.add(name + "/" + p.getFileName()));
        }
      }
    }
    return files;
  }

  /** The rejected rows of the latest run (run ids begin with their UTC time); null if none. */
  static Path latestRejects(Path out) throws IOException {
    Path quality = out.resolve("quality");
    if (!Files.isDirectory(quality)) {
      return null;
    }
    try (Stream<Path> runs = Files.list(quality)) {
      return runs.map(p -> p.resolve("rejected.parquet")).filter(Files::isRegularFile)
          .max(java.util.Comparator.comparing((Path p) -> p.getParent().getFileName().toString()))
          .orElse(null);
    }
  }

  /** Rows of x, rows of x not in y, rows of y not in x (as multisets). */
  private static long[] exceptBothWays(Statement st, Path x, Path y) throws Exception {
    String px = "read_parquet(" + lit(x) + ")";
    String py = "read_parquet(" + lit(y) + ")";
    try (ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM " + px + "),"
        + " (SELECT count(*) FROM (SELECT * FROM " + px + " EXCEPT ALL SELECT * FROM " + py + ")),"
        + " (SELECT count(*) FROM (SELECT * FROM " + py + " EXCEPT ALL SELECT * FROM " + px + "))")) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
    }
  }

  private static String lit(Path p) {
    return "'" + p.toString().replace("'", "''") + "'";
  }
}
