package se.glappet.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import se.glappet.testing.Duck;

/** Every value a run published, read back with DuckDB: month files, in file order, per relative path. */
public final class PublishedValues {
  private PublishedValues() {}

  /**
   * Relative path of every published month file of the declared datasets → its rows (the quality
   * folder and the revisions file, which is named by its run, are not month files).
   */
  public static Map<String, List<Map<String, Object>>> of(Path out) throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.walk(out)) {
      files = s.filter(p -> p.toString().endsWith(".parquet"))
          .map(out::relativize)
          .filter(p -> p.getNameCount() == 2 && java.util.Arrays.stream(se.glappet.model.OutputTable.values())
              .anyMatch(t -> p.getName(0).toString().equals(t.datasetName)))
          .sorted().collect(Collectors.toList());
    }
    Map<String, List<Map<String, Object>>> values = new LinkedHashMap<>();
    for (Path rel : files) {
      values.put(rel.toString(), Duck.read(out.resolve(rel)));
    }
    return values;
  }

  /** The differences between two runs' published values; empty when they agree cell by cell. */
  public static List<String> differences(Path a, Path b) throws Exception {
    Map<String, List<Map<String, Object>>> va = of(a);
    Map<String, List<Map<String, Object>>> vb = of(b);
    List<String> diffs = new ArrayList<>();
    if (!va.keySet().equals(vb.keySet())) {
      diffs.add("files differ: " + va.keySet() + " vs " + vb.keySet());
    }
    for (String f : va.keySet()) {
      List<Map<String, Object>> ra = va.get(f);
      List<Map<String, Object>> rb = vb.get(f);
      if (rb == null) {
        continue;
      }
      if (ra.size() != rb.size()) {
        diffs.add(f + ": " + ra.size() + " rows vs " + rb.size());
        continue;
      }
      for (int i = 0; i < ra.size(); i++) {
        if (!ra.get(i).equals(rb.get(i))) {
          diffs.add(f + " row " + i + ": " + ra.get(i) + " vs " + rb.get(i));
          break;
        }
      }
    }
    return diffs;
  }

  /** {@code PublishedValues OUT_A OUT_B}: prints the differences, exits 1 if there are any. */
  public static void main(String[] args) throws Exception {
    List<String> d = differences(Paths.get(args[0]), Paths.get(args[1]));
    d.forEach(System.out::println);
    System.out.println(d.isEmpty() ? "identical values in " + of(Paths.get(args[0])).size() + " files" : d.size()
        + " differences");
    System.exit(d.isEmpty() ? 0 : 1);
  }

}
