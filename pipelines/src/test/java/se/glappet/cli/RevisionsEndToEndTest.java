package se.glappet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.glappet.model.OutputTable;
import se.glappet.testing.Duck;
import se.glappet.testing.Fixtures;

/**
 * Two overlapping publications (contract section 4.8): 2010-12..2011-01, then 2011-01..2011-02 on
 * an input where Botkyrka's January changed. Only January is replaced, so only January is revised;
 * every revision row is checked against an independent comparison of the two January files made
 * with DuckDB, and the hand-computed ones are asserted by name.
 */
class RevisionsEndToEndTest {
  @TempDir Path tmp;

  static int batch(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "batch";
    System.arraycopy(args, 0, all, 1, args.length);
    all[all.length - 1] = "--quiet";
    return Glappet.run(all);
  }

  /**
   * The fixture with Botkyrka's January changed: every R1 payment gone (the UNEMPLOYED row is
   * removed), A1-0 gone (WAITING_PLAN falls from 5 to 4 households and is suppressed), five new
   * households paid for OTHER (a row added).
   */
  static Path changedInput(Path dir) throws Exception {
    Fixtures.write(dir, 5, false);
    Path f = dir.resolve("income-support/0127_2011.csv");
    String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8).substring(1); // the BOM
    List<String> lines = new ArrayList<>();
    for (String l : text.split("\r\n")) {
      if (!l.contains(";R1-") && !l.contains(";A1-0;")) {
        lines.add(l);
      }
    }
    for (int i = 0; i < 5; i++) {
      lines.add("0127;Y1-" + i + ";" + Fixtures.household('Y', i) + ";" + Fixtures.person('Y', i)
          + ";2011-01-12;2011-01-01;2011-01-31;500;OTHER;1;0");
    }
    Files.writeString(f, "\uFEFF" + String.join("\r\n", lines), StandardCharsets.UTF_8);
    return dir;
  }

  static JsonNode manifest(Path out) throws Exception {
    return new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
  }

  /** One revision row without the run ids: dataset, period, row_key, change, column, old, new. */
  static List<String> r(String... s) {
    return Arrays.asList(s);
  }

  @Test
  void overlappingPublicationsListExactlyTheChangedCellsAndRows() throws Exception {
    Path out = tmp.resolve("out");
    Path in = Fixtures.write(tmp.resolve("in"), 5, false);
    assertEquals(0, batch("--input", in.toString(), "--output", out.toString(), "--from", "2010-12", "--to", "2011-01"));
    String run1 = manifest(out).path("run_id").asText();
    // The first publication replaced nothing: a revisions file with no rows.
    assertEquals(0, Duck.read(out.resolve("revisions/" + run1 + ".parquet")).size());
    assertEquals(0, manifest(out).path("revisions").path("rows").asLong(-1));
    assertTrue(manifest(out).path("revisions").path("previous_run_id").isNull());
    Path old = tmp.resolve("old");
    for (OutputTable t : OutputTable.values()) {
      Files.createDirectories(old.resolve(t.datasetName));
      Files.copy(out.resolve(t.datasetName + "/2011-01.parquet"), old.resolve(t.datasetName + "/2011-01.parquet"));
    }

    Path in2 = changedInput(tmp.resolve("in2"));
    assertEquals(0, batch("--input", in2.toString(), "--output", out.toString(), "--from", "2011-01", "--to", "2011-02"));
    JsonNode m = manifest(out);
    String run2 = m.path("run_id").asText();
    Path file = out.resolve("revisions/" + run2 + ".parquet");
    assertEquals("revisions/" + run2 + ".parquet", m.path("revisions").path("file").asText());
    assertEquals(run1, m.path("revisions").path("previous_run_id").asText());

    List<Map<String, Object>> rows = Duck.read(file);
    List<List<String>> actual = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      assertEquals(run2, row.get("run_id"));
      assertEquals(run1, row.get("previous_run_id"));
      assertEquals("2011-01", row.get("period"), "2011-02 is a first publication, 2010-12 was not replaced");
      actual.add(Arrays.asList((String) row.get("dataset"), (String) row.get("period"), (String) row.get("row_key"),
          (String) row.get("change"), (String) row.get("column"), (String) row.get("old_value"),
          (String) row.get("new_value")));
    }

    // Hand-computed: Botkyrka's January reasons.
    assertTrue(actual.contains(r("income_support_by_reason", "2011-01", "0127|UNEMPLOYED", "REMOVED", null, null, null)),
        actual.toString());
    assertTrue(actual.contains(r("income_support_by_reason", "2011-01", "0127|OTHER", "ADDED", null, null, null)));
    // 9 300,00 × 5 households, now 4 households: suppressed, a revision of every nulled cell.
    assertTrue(actual.contains(r("income_support_by_reason", "2011-01", "0127|WAITING_PLAN", "CHANGED", "households",
        "5", null)));
    assertTrue(actual.contains(r("income_support_by_reason", "2011-01", "0127|WAITING_PLAN", "CHANGED", "amount_sek",
        "46500.00", null)));
    assertTrue(actual.contains(r("income_support_by_reason", "2011-01", "0127|WAITING_PLAN", "CHANGED", "suppressed",
        "false", "true")));
    // Figures as known at obs_end: the first run ended on 2011-01-31, before B2 (-600 for each of
    // the five B households, dated 2011-02-05, covering January) was known to Haninge's January.
    assertTrue(actual.contains(r("gap_monthly", "2011-01", "0136", "CHANGED", "gap_support_sek", "16000.00",
        "13000.00")), actual.toString());

    // Exactly the differences an independent comparison of the two January files finds.
    List<List<String>> expected = new ArrayList<>();
    for (OutputTable t : OutputTable.values()) {
      expected.addAll(DuckDiff.diff(t, old.resolve(t.datasetName + "/2011-01.parquet"),
          out.resolve(t.datasetName + "/2011-01.parquet")));
    }
    assertEquals(sorted(expected), sorted(actual));

    // The manifest counts them per dataset and period; only revised dataset-periods are listed.
    assertEquals(rows.size(), m.path("revisions").path("rows").asLong());
    Map<String, long[]> counted = new LinkedHashMap<>();
    for (List<String> a : actual) {
      long[] c = counted.computeIfAbsent(a.get(0) + " " + a.get(1), k -> new long[3]);
      c[a.get(3).equals("CHANGED") ? 0 : a.get(3).equals("ADDED") ? 1 : 2]++;
    }
    Map<String, long[]> inManifest = new LinkedHashMap<>();
    m.path("revisions").path("by_dataset").fields().forEachRemaining(d -> d.getValue().fields().forEachRemaining(p ->
        inManifest.put(d.getKey() + " " + p.getKey(), new long[] {p.getValue().path("changed_cells").asLong(),
            p.getValue().path("added_rows").asLong(), p.getValue().path("removed_rows").asLong()})));
    assertEquals(counted.keySet(), inManifest.keySet());
    counted.forEach((k, c) -> assertEquals(Arrays.toString(c), Arrays.toString(inManifest.get(k)), k));
    // income_support_by_reason 2011-01: one row added, one removed, and the changed cells of the others.
    assertEquals(1, inManifest.get("income_support_by_reason 2011-01")[1]);
    assertEquals(1, inManifest.get("income_support_by_reason 2011-01")[2]);
    // The outputs and the index of which run published each month file.
    assertTrue(m.path("outputs").toString().contains("revisions/" + run2 + ".parquet"));
    JsonNode idx = m.path("month_files");
    assertEquals(run1, idx.path("gap_monthly/2010-12.parquet").path("run_id").asText());
    assertEquals(run2, idx.path("gap_monthly/2011-01.parquet").path("run_id").asText());
    assertEquals(run2, idx.path("gap_monthly/2011-02.parquet").path("run_id").asText());

    // The quality report lists the counts and the first revised cells.
    String report = Files.readString(out.resolve("quality/" + run2 + "/report.txt"));
    assertTrue(report.contains("Revisions of months published before"), report);
    assertTrue(report.contains("income_support_by_reason 2011-01 [0127|WAITING_PLAN] households: 5 -> null"), report);
    // The first run's revisions file stays.
    assertTrue(Files.exists(out.resolve("revisions/" + run1 + ".parquet")));
  }

  static List<List<String>> sorted(List<List<String>> rows) {
    List<List<String>> c = new ArrayList<>(rows);
    c.sort((a, b) -> String.valueOf(a).compareTo(String.valueOf(b)));
    return c;
  }

  /** An independent comparison: both files read by DuckDB, every cell cast to text by DuckDB. */
  static final class DuckDiff {
    static List<List<String>> diff(OutputTable t, Path oldFile, Path newFile) throws Exception {
      Map<String, Map<String, String>> a = read(t, oldFile);
      Map<String, Map<String, String>> b = read(t, newFile);
      List<List<String>> out = new ArrayList<>();
      for (String k : a.keySet()) {
        if (!b.containsKey(k)) {
          out.add(r(t.datasetName, "2011-01", k, "REMOVED", null, null, null));
        }
      }
      for (Map.Entry<String, Map<String, String>> e : b.entrySet()) {
        Map<String, String> before = a.get(e.getKey());
        if (before == null) {
          out.add(r(t.datasetName, "2011-01", e.getKey(), "ADDED", null, null, null));
          continue;
        }
        for (String col : e.getValue().keySet()) {
          String x = before.get(col);
          String y = e.getValue().get(col);
          if (!java.util.Objects.equals(x, y)) {
            out.add(r(t.datasetName, "2011-01", e.getKey(), "CHANGED", col, x, y));
          }
        }
      }
      return out;
    }

    static Map<String, Map<String, String>> read(OutputTable t, Path f) throws Exception {
      List<String> cols = new ArrayList<>(Duck.types(f).keySet());
      String select = cols.stream().map(c -> "CAST(\"" + c + "\" AS VARCHAR) AS \"" + c + "\"")
          .collect(Collectors.joining(", "));
      Map<String, Map<String, String>> rows = new HashMap<>();
      for (Map<String, Object> row : Duck.query("SELECT " + select + " FROM read_parquet('" + f + "')")) {
        String key = t.keyColumnNames().subList(1, t.keyColumnNames().size()).stream()
            .map(c -> (String) row.get(c)).collect(Collectors.joining("|"));
        Map<String, String> cells = new LinkedHashMap<>();
        for (String c : cols) {
          if (!t.keyColumnNames().contains(c)) {
            cells.put(c, (String) row.get(c));
          }
        }
        rows.put(key, cells);
      }
      return rows;
    }
  }
}
