package se.glappet.publish;

import se.glappet.model.OutputTable;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import se.glappet.figures.Kpi;

/**
 * The RIM group's export: {@code OUT/export/rim_<from>_<to>.csv}, the published national
 * comparison of the run's months in a form Swedish Excel opens by double-click (UTF-8 with BOM,
 * {@code ;}, decimal comma, Swedish headers and labels, {@code ..} for suppressed values and
 * {@code –} for values unknown because the municipality did not report the month), plus a
 * {@code README.txt} in Swedish.
 */
public final class RimExport {
  static final String[] HEADER = {"Period", "Områdestyp", "Områdeskod", "Område", "Nyckeltalskod", "Nyckeltal",
      "Värde", "Täljare", "Nämnare", "Bas", "Antal kommuner", "Rang", "Antal rangordnade", "Riksmedian",
      "Skyddad"};

  static final Map<String, String> AREA_TYPES = Map.of("MUNICIPALITY", "Kommun", "COUNTY", "Län",
      "REGION", "Region", "NATION", "Riket");

  /** Shown for a value that is unknown because the municipality did not report the month. */
  static final String NOT_REPORTED = "\u2013";

  private RimExport() {}

  /** File name of the export for a month range. */
  public static String fileName(YearMonth from, YearMonth to) {
    return "rim_" + from + "_" + to + ".csv";
  }

  /** The export's text for the published comparison files of the given months. */
  public static String csv(Path dir, List<YearMonth> months) throws IOException {
    List<GenericRecord> rows = new ArrayList<>();
    java.util.Set<RunStats.NonResponse> notReported = new java.util.HashSet<>();
    for (YearMonth m : months) {
      notReported.addAll(notReported(dir, m));
      Path f = WriteMonthFiles.monthFile(dir, OutputTable.NATIONAL_COMPARISON, m.toString());
      try (ParquetFiles.Rows r = ParquetFiles.reader(f)) {
        GenericRecord g;
        while ((g = r.read()) != null) {
          rows.add(g);
        }
      }
    }
    rows.sort(Comparator.comparing((GenericRecord g) -> g.get("period").toString())
        .thenComparing(g -> g.get("area_type").toString())
        .thenComparing(g -> g.get("area_code").toString())
        .thenComparing(g -> g.get("kpi").toString()));
    StringBuilder sb = new StringBuilder("\uFEFF");
    sb.append(String.join(";", HEADER)).append("\r\n");
    for (GenericRecord g : rows) {
      boolean suppressed = (Boolean) g.get("suppressed");
      String kpi = g.get("kpi").toString();
      List<String> cells = new ArrayList<>();
      cells.add(g.get("period").toString());
      cells.add(AREA_TYPES.getOrDefault(g.get("area_type").toString(), g.get("area_type").toString()));
      cells.add(g.get("area_code").toString());
      cells.add(g.get("area_name").toString());
      cells.add(kpi);
      Kpi definition = Kpi.valueOf(kpi);
      cells.add(definition.labelSv);
      // A month the municipality did not report: its payment-based value, numerator and base are
      // unknown (–), whether or not the row is also suppressed; the denominator is known.
      boolean unknown = g.get("area_type").toString().equals("MUNICIPALITY")
          && definition.restsOnPayments()
          && notReported.contains(new RunStats.NonResponse(YearMonth.parse(g.get("period").toString()),
              g.get("area_code").toString()));
      for (String c : new String[] {"value", "numerator", "denominator", "base"}) {
        boolean known = c.equals("denominator") || !unknown;
        cells.add(known ? cell(g.get(c), suppressed) : g.get(c) == null ? NOT_REPORTED : cell(g.get(c), false));
      }
      for (String c : new String[] {"members", "rank", "n_ranked", "national_median"}) {
        cells.add(cell(g.get(c), false));
      }
      cells.add(suppressed ? "Ja" : "Nej");
      StringBuilder line = new StringBuilder();
      for (String c : cells) {
        if (line.length() > 0) {
          line.append(';');
        }
        line.append(quote(c));
      }
      sb.append(line).append("\r\n");
    }
    return sb.toString();
  }

  /**
   * The municipalities that did not report month {@code m}, from the published {@code gap_monthly}
   * file's {@code income_support_reported} (contract 4.1).
   */
  static java.util.Set<RunStats.NonResponse> notReported(Path dir, YearMonth m) throws IOException {
    java.util.Set<RunStats.NonResponse> out = new java.util.HashSet<>();
    Path f = WriteMonthFiles.monthFile(dir, OutputTable.GAP_MONTHLY, m.toString());
    if (!Files.exists(f)) {
      return out;
    }
    try (ParquetFiles.Rows r = ParquetFiles.reader(f)) {
      GenericRecord g;
      while ((g = r.read()) != null) {
        if (!(Boolean) g.get("income_support_reported")) {
          out.add(new RunStats.NonResponse(YearMonth.parse(g.get("period").toString()),
              g.get("municipality_code").toString()));
        }
      }
    }
    return out;
  }

  /** A number with decimal comma and no grouping; {@code ..} for a suppressed null; empty for null. */
  static String cell(Object v, boolean suppressed) {
    if (v == null) {
      return suppressed ? ".." : "";
    }
    if (v instanceof Double) {
      BigDecimal b = BigDecimal.valueOf((Double) v).stripTrailingZeros();
      return (b.scale() < 0 ? b.setScale(0) : b).toPlainString().replace('.', ',');
    }
    return v.toString();
  }

  static String quote(String s) {
    if (s.contains(";") || s.contains("\"") || s.contains("\n")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }

  /** The Swedish README beside the export. */
  public static String readme(String runId, YearMonth from, YearMonth to, String obsEnd,
      List<String[]> inputChecksums) {
    StringBuilder sb = new StringBuilder();
    sb.append("Glappet – nationell jämförelse för RIM-gruppen\r\n");
    sb.append("===============================================\r\n\r\n");
    sb.append("Fil: ").append(fileName(from, to)).append("\r\n");
    sb.append("Period: ").append(from).append(" – ").append(to).append(" (uppgifter kända t.o.m. dagen före ")
        .append(obsEnd).append(")\r\n");
    sb.append("Körning: ").append(runId).append("\r\n\r\n");
    sb.append("Filen öppnas med dubbelklick i svensk Excel: UTF-8 med BOM, semikolon som avgränsare och\r\n");
    sb.append("decimalkomma. En rad per period, område och nyckeltal, sorterad på period, områdestyp,\r\n");
    sb.append("områdeskod och nyckeltal.\r\n\r\n");
    sb.append("Kolumner\r\n--------\r\n");
    sb.append("Period             månad (ÅÅÅÅ-MM)\r\n");
    sb.append("Områdestyp         Kommun, Län, Region (Södertörn) eller Riket\r\n");
    sb.append("Områdeskod         kommunkod, länskod, SODERTORN eller SE\r\n");
    sb.append("Område             namn\r\n");
    sb.append("Nyckeltalskod      nyckeltalets kod; Nyckeltal: dess namn\r\n");
    sb.append("Värde              Täljare / Nämnare (för mediantiden: medianen av dagarna)\r\n");
    sb.append("Täljare, Nämnare   se nyckeltalen nedan\r\n");
    sb.append("Bas                antal personer eller hushåll som värdet vilar på\r\n");
    sb.append("Antal kommuner     för län, region och riket: hur många publicerade kommunrader som ingår\r\n");
    sb.append("Rang               kommunens plats bland kommunerna med publicerat värde, 1 = lägst\r\n");
    sb.append("Antal rangordnade  hur många kommuner som rangordnades\r\n");
    sb.append("Riksmedian         medianen av de rangordnade kommunernas värden\r\n");
    sb.append("Skyddad            Ja när värden har undertryckts\r\n\r\n");
    sb.append("Nyckeltal\r\n---------\r\n");
    for (Kpi kpi : Kpi.values()) {
      sb.append(kpi.readmeSv).append("\r\n");
    }
    sb.append("\r\n");
    sb.append("Sekretess\r\n---------\r\n");
    sb.append("Ett värde som vilar på 1–4 personer eller hushåll visas inte: Värde, Täljare, Nämnare och Bas\r\n");
    sb.append("blir \"..\" och Skyddad = Ja. Noll visas. Län, Södertörn och riket summerar bara kommunrader\r\n");
    sb.append("som själva är publicerade, så att inget undertryckt värde kan räknas fram genom subtraktion.\r\n");
    sb.append("En tom cell betyder att värdet saknas (t.ex. ingen folkmängd eller nämnare 0).\r\n\r\n");
    sb.append("Bortfall\r\n--------\r\n");
    sb.append("\"..\"  = skyddad uppgift: värdet vilar på 1–4 personer eller hushåll och visas inte.\r\n");
    sb.append("\"–\"   = uppgift saknas: kommunen har inte rapporterat ekonomiskt bistånd för månaden\r\n");
    sb.append("        (ingen godkänd utbetalning daterad i månaden). Det är bortfall, inte noll. De fyra\r\n");
    sb.append("        nyckeltalen som bygger på utbetalningar (alla utom mediantiden) får då Värde, Täljare\r\n");
    sb.append("        och Bas \"–\"; Nämnaren visas. Kommunen rangordnas inte och ingår inte i län, Södertörn\r\n");
    sb.append("        eller riket för de nyckeltalen, och riksmedianen räknas utan den.\r\n");
    sb.append("Ett område (län, Södertörn, riket) utan någon publicerad kommunrad har Antal kommuner 0 och\r\n");
    sb.append("tomma Värde, Täljare, Nämnare och Bas: en tom summa är ingen siffra, inte noll.\r\n\r\n");
    sb.append("Källa\r\n-----\r\n");
    sb.append("Indatafiler (sökväg, SHA-256):\r\n");
    for (String[] f : inputChecksums) {
      sb.append("  ").append(f[0]).append("  ").append(f[1]).append("\r\n");
    }
    return sb.toString();
  }

  /** Writes both files into {@code <staging>/export/}; returns their paths relative to it. */
  public static List<String> stage(Path staging, String runId, YearMonth from, YearMonth to, String obsEnd,
      List<YearMonth> months, List<String[]> inputChecksums) throws IOException {
    String csvName = "export/" + fileName(from, to);
    Files.createDirectories(staging.resolve("export"));
    Files.writeString(staging.resolve(csvName), csv(staging, months), java.nio.charset.StandardCharsets.UTF_8);
    Files.writeString(staging.resolve("export/README.txt"), readme(runId, from, to, obsEnd, inputChecksums),
        java.nio.charset.StandardCharsets.UTF_8);
    return new ArrayList<>(List.of(csvName, "export/README.txt"));
  }
}
