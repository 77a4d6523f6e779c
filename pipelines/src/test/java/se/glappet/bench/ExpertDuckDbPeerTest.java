package se.glappet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The expert peer on a hand-made folder: two source systems with different headers, separators
 * and encodings; figures computed by hand from contract 3 and 4.
 */
class ExpertDuckDbPeerTest {
  private static final String P = "AB".repeat(32); // in the gap (upper case in one file)
  private static final String Q = "cd".repeat(32); // open LMA period: no gap

  @TempDir Path in;
  @TempDir Path out;

  @Test
  void computesTheCoreFiguresExactly() throws Exception {
    Files.createDirectories(in.resolve("income-support"));
    Files.createDirectories(in.resolve("allowances"));
    // System one: byte-order mark, ';', decimal comma, thousands space, upper-case pseudonyms.
    Files.write(in.resolve("income-support/0114_2011-01.csv"), ("\uFEFFmunicipality_code;payment_id;household_id;"
        + "person_id;payment_date;covers_from;covers_to;amount_sek;reason_code;adults;children\r\n"
        + "0114;A1;" + "11".repeat(32) + ";" + P + ";2011-01-15;2011-01-20;2011-02-08;1 000,00;WAITING_PLAN;1;2\r\n")
        .getBytes(StandardCharsets.UTF_8));
    // System two: Windows-1252, ',', columns in another order, an extra column, a lower-case code.
    Files.write(in.resolve("income-support/0180_2011-02.csv"), ("Payment_Id,Municipality_Code,Payment_Date,"
        + "Covers_From,Covers_To,Amount_Sek,Reason_Code,Household_Id,Person_Id,Adults,Children,Kommentar\n"
        + "B1,0180,2011-02-01,2011-02-01,2011-02-28,100.00,unemployed," + "22".repeat(32) + "," + P.toLowerCase() + ",2,0,\u00d6vrigt\n"
        + "B2,0180,2011-02-03,2011-02-01,2011-02-28,-50.50,OTHER," + "33".repeat(32) + "," + Q + ",1,0,\"a, b\"\n")
        .getBytes(Charset.forName("windows-1252")));
    // A third header: half an öre, exactly (3 öre over 2 days, one of them in the gap).
    Files.write(in.resolve("income-support/0127_2011-02.csv"), ("person_id;household_id;municipality_code;payment_id;"
        + "payment_date;covers_from;covers_to;amount_sek;reason_code;adults;children\n"
        + P + ";" + "44".repeat(32) + ";0127;C1;2011-02-01;2011-02-09;2011-02-10;0,03;BELOW_NORM;1;0\n")
        .getBytes(StandardCharsets.UTF_8));
    Files.write(in.resolve("allowances/a.csv"), ("person_id;municipality_code;allowance_type;from_date;to_date;"
        + "first_payment_date;daily_amount_sek\n"
        + P + ";0114;LMA;2010-01-01;2011-01-24;;71,00\n"
        + P + ";0127;ESTABLISHMENT;2011-02-01;;2011-02-10;308,00\n"
        + Q + ";0180;LMA;2010-05-01;;;71,00\n").getBytes(StandardCharsets.UTF_8));

    ExpertDuckDbPeer.run(in, out, YearMonth.of(2011, 1), YearMonth.of(2011, 2), Map.of());

    // P: W = [2011-01-25, 2011-02-10), home 0127 (earliest ESTABLISHMENT row).
    // A1 covers [01-20, 02-09), 20 days: 7 in January (350.00), 8 in February (400.00).
    // B1 covers February, 28 days, 9 in W: 100 × 9 / 28 = 32.142857… → 32.14 (UNEMPLOYED: no gap reason).
    // C1: 0.03 × 1 / 2 = 0.015 → 0.02 (half away from zero).
    // 0114 paid nothing dated in February: it did not report 2011-02 (last column).
    assertEquals(List.of(
        "2011-01|0114|1|350.00|true",
        "2011-02|0114|1|400.00|false",
        "2011-02|0127|1|0.02|true",
        "2011-02|0180|1|32.14|true"), rows("gap_support"));
    assertEquals(List.of(
        "2011-01|0114|WAITING_PLAN|1|350.00",
        "2011-02|0114|WAITING_PLAN|1|400.00",
        "2011-02|0127|BELOW_NORM|1|0.02"), rows("gap_by_reason"));
    assertEquals(List.of("2011-01|0127|1", "2011-02|0127|1"), rows("persons_in_gap"));
    // Households, persons (largest adults + children), payments, amount; corrections count.
    assertEquals(List.of(
        "2011-01|0114|1|3|1|1000.00",
        "2011-02|0127|1|1|1|0.03",
        "2011-02|0180|2|3|2|49.50"), rows("income_support"));
  }

  private List<String> rows(String table) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection con = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = con.createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM read_parquet('"
            + out.resolve(table + ".parquet") + "') ORDER BY ALL")) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          b.append(i == 1 ? "" : "|").append(rs.getString(i));
        }
        rows.add(b.toString());
      }
    }
    return rows;
  }
}
