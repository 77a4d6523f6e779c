package se.glappet.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The hand-computed fixture of the pipeline tests: a few gap patterns (persons A, B, F with home
 * Botkyrka 0127; C, D, G with home Haninge 0136; E without LMA), each repeated {@code copies} times
 * with distinct pseudonyms, plus a regular household R and a handful of bad rows. Expected figures
 * are derived by hand in {@code BatchEndToEndTest}.
 *
 * <p>Uppsala 0380, alone in its county (03), is the non-response case (contract section 4): KIS rows
 * and allowance rows in January 2011 but no payment dated in January, so it did not report January;
 * persons U ({@code copies} of them) are in an open gap from 1 January, unpaid. In February it
 * reports through one payment to one person H (home 0380, gap 21 January to 15 February), so every
 * February figure of it rests on 1 person or household and is suppressed.
 */
public final class Fixtures {
  private Fixtures() {}

  /** Pseudonym per pattern letter and copy: the letter's index as hex digits plus the copy. */
  public static String person(char pattern, int copy) {
    return String.format("%02x%014x", (int) pattern, copy + 1);
  }

  public static String household(char pattern, int copy) {
    return String.format("%02x%014x", (int) pattern + 0x40, copy + 1);
  }

  /** Writes the fixture input folder. {@code withBadRows} adds five rejected rows to income support. */
  public static Path write(Path dir, int copies, boolean withBadRows) throws IOException {
    for (String d : List.of("kis", "income-support", "allowances", "population")) {
      Files.createDirectories(dir.resolve(d));
    }
    List<String> allowances = new ArrayList<>();
    allowances.add("person_id,municipality_code,allowance_type,from_date,to_date,first_payment_date,daily_amount_sek");
    List<String> pay0127 = new ArrayList<>();
    pay0127.add("municipality_code;payment_id;household_id;person_id;payment_date;covers_from;covers_to;"
        + "amount_sek;reason_code;adults;children;;");
    List<String> pay0136 = new ArrayList<>();
    pay0136.add("MUNICIPALITY_CODE,Payment_ID,household_id,person_id,payment_date,covers_from,covers_to,"
        + "amount_sek,reason_code,adults,children,kommentar");
    for (int i = 0; i < copies; i++) {
      String a = person('A', i);
      String b = person('B', i);
      String c = person('C', i);
      String d = person('D', i);
      String e = person('E', i);
      String f = person('F', i);
      String r = person('R', i);
      allowances.add(a + ",0127,LMA,2010-06-01,2010-12-31,,71");
      allowances.add(a + ",0127,ESTABLISHMENT,2011-01-11,,2011-02-10,308");
      allowances.add(b + ",0127,LMA,2010-05-01,2011-01-15,,61");
      allowances.add(b + ",0127,ESTABLISHMENT,2011-02-01,,,308");
      allowances.add(c + ",0136,LMA,2010-09-01,2011-01-31,,71");
      allowances.add(c + ",0136,ESTABLISHMENT,2011-02-01,,2011-02-01,308");
      allowances.add(d + ",0136,LMA,2010-09-01,,,71");
      allowances.add(e + ",0127,ESTABLISHMENT,2011-01-01,,2011-01-25,308");
      allowances.add(f + ",0127,LMA,2010-01-01,2010-12-10,,71");
      allowances.add(f + ",0127,ESTABLISHMENT,2010-12-20,,2011-01-20,231");
      pay0127.add("0127;A1-" + i + ";" + household('A', i) + ";" + a
          + ";2011-01-03;2011-01-01;2011-01-31;9 300,00;WAITING_PLAN;1;0");
      pay0127.add("0127;A2-" + i + ";" + household('A', i) + ";" + a
          + ";2011-02-01;2011-02-01;2011-02-28;8400;waiting_payment;1;0");
      pay0127.add("0127;F1-" + i + ";" + household('F', i) + ";" + f
          + ";2010-12-15;2010-12-11;2011-01-09;6\u00a0000;WAITING_PLAN;1;0");
      pay0127.add("0127;R1-" + i + ";" + household('R', i) + ";" + r
          + ";2011-01-10;2011-01-01;2011-01-31;7 000,25;UNEMPLOYED;2;3");
      pay0127.add("0127;R2-" + i + ";" + household('R', i) + ";" + r
          + ";2011-02-10;2011-02-01;2011-02-28;7000.25;UNEMPLOYED;2;3");
      pay0136.add("0136,B1-" + i + "," + household('B', i) + "," + b
          + ",2011-01-20,2011-01-16,2011-02-14,6000,SECONDARY_MOVE,1,1,flyttat från Botkyrka");
      pay0136.add("0136,B2-" + i + "," + household('B', i) + "," + b
          + ",2011-02-05,2011-01-16,2011-01-31,-600,OTHER,1,1,rättelse");
      pay0136.add("0136,C1-" + i + "," + household('C', i) + "," + c
          + ",2011-02-03,2011-02-01,2011-02-28,4000,WAITING_PAYMENT,2,2,");
    }
    String g = person('G', 0);
    allowances.add(g + ",0136,LMA,2010-08-01,2011-01-31,,71");
    pay0136.add("0136,G1-0," + household('G', 0) + "," + g
        + ",2011-02-02,2011-02-01,2011-02-28,5000,WAITING_PLAN,1,0,");
    // Uppsala 0380: non-response in January, one suppressed person in February.
    List<String> pay0380 = new ArrayList<>();
    pay0380.add("municipality_code,payment_id,household_id,person_id,payment_date,covers_from,covers_to,"
        + "amount_sek,reason_code,adults,children");
    for (int i = 0; i < copies; i++) {
      allowances.add(person('U', i) + ",0380,LMA,2010-09-01,2010-12-31,,71");
    }
    String h = person('H', 0);
    allowances.add(h + ",0380,LMA,2010-10-01,2011-01-20,,71");
    allowances.add(h + ",0380,ESTABLISHMENT,2011-02-01,,2011-02-15,308");
    pay0380.add("0380,H1-0," + household('H', 0) + "," + h
        + ",2011-02-03,2011-02-01,2011-02-14,2800,WAITING_PAYMENT,1,0");
    Files.write(dir.resolve("income-support/0380_2011.csv"), pay0380, StandardCharsets.UTF_8);
    if (withBadRows) {
      // A duplicate of A1-0 written differently (identical after parsing): DUPLICATE_ROW.
      pay0127.add("0127;A1-0;" + household('A', 0).toUpperCase() + ";" + person('A', 0)
          + ";2011-01-03;2011-01-01;2011-01-31;9300;waiting_plan;01;0");
      // A personal identity number in household_id: PII_DETECTED.
      pay0127.add("0127;X1;19811218-9876;" + person('X', 0) + ";2011-01-05;2011-01-01;2011-01-31;100;OTHER;1;0");
      // A municipality code not in the reference list: UNKNOWN_MUNICIPALITY.
      pay0127.add("9999;X2;" + household('X', 1) + ";" + person('X', 1)
          + ";2011-01-05;2011-01-01;2011-01-31;100;OTHER;1;0");
      // Two rows with one key and different amounts: both CONFLICTING_DUPLICATE.
      pay0127.add("0127;X3;" + household('X', 2) + ";" + person('X', 2)
          + ";2011-01-05;2011-01-01;2011-01-31;100;OTHER;1;0");
      pay0127.add("0127;X3;" + household('X', 2) + ";" + person('X', 2)
          + ";2011-01-05;2011-01-01;2011-01-31;200;OTHER;1;0");
    }
    Files.write(dir.resolve("allowances/allowances_2011.csv"), allowances, StandardCharsets.UTF_8);
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    Files.write(dir.resolve("income-support/0127_2011.csv"),
        concat(bom, String.join("\r\n", pay0127).getBytes(StandardCharsets.UTF_8)));
    Files.write(dir.resolve("income-support/0136_2011.CSV"),
        (String.join("\n", pay0136) + "\n").getBytes(TextCharsets.WINDOWS_1252));
    Files.write(dir.resolve("kis/kis_2011.csv"), List.of(
        "municipality_code;period;reception_type;newcomers_received;with_plan;awaiting_plan;in_sfi",
        "0127;2011-01;ASSIGNED;7;3;4;2",
        "0127;2011-01;OWN_HOUSING;5;1;4;",
        "0136;2011-01;ASSIGNED;0;0;0;0",
        "0380;2011-01;ASSIGNED;6;2;4;"), StandardCharsets.UTF_8);
    Files.write(dir.resolve("population/population.csv"), List.of(
        "municipality_code;year;population",
        "0127;2010;86000",
        "0136;2010;77000",
        "0136;2012;78000",
        "0380;2010;200000"), StandardCharsets.UTF_8);
    return dir;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Charsets used by the fixtures. */
  static final class TextCharsets {
    static final java.nio.charset.Charset WINDOWS_1252 = java.nio.charset.Charset.forName("windows-1252");
  }

  /** Published files of an output folder (not the quality history) → SHA-256 and modification time. */
  public static java.util.Map<String, String> snapshot(java.nio.file.Path out) throws Exception {
    java.util.Map<String, String> m = new java.util.TreeMap<>();
    try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.walk(out)) {
      for (java.nio.file.Path p : s.filter(java.nio.file.Files::isRegularFile)
          .collect(java.util.stream.Collectors.toList())) {
        String rel = out.relativize(p).toString();
        if (!rel.startsWith("quality")) {
          m.put(rel, se.glappet.publish.OutputFolder.sha256(p) + " " + java.nio.file.Files.getLastModifiedTime(p));
        }
      }
    }
    return m;
  }
}
