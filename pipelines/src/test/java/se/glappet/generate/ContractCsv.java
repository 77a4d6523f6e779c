package se.glappet.generate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A small reader of the contract's file rules (section 2.1), for checking what the generator wrote. */
public final class ContractCsv {
  final Path file;
  final boolean byteOrderMark;
  /** "UTF-8" or "windows-1252", as the contract's detection decides. */
  final String encoding;
  final boolean crlf;
  final char separator;
  /** Header cells, trimmed and lower-cased, Excel's trailing empty cells dropped. */
  final List<String> header = new ArrayList<>();
  final List<Map<String, String>> rows = new ArrayList<>();
  /** The raw text of each data row, as written. */
  final List<String> rawRows = new ArrayList<>();
  int skippedLines;
  int malformedRows;

  private ContractCsv(Path file, boolean bom, String encoding, boolean crlf, char separator) {
    this.file = file;
    this.byteOrderMark = bom;
    this.encoding = encoding;
    this.crlf = crlf;
    this.separator = separator;
  }

  static ContractCsv read(Path file) throws IOException {
    byte[] b = Files.readAllBytes(file);
    boolean bom = b.length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF;
    String text;
    String encoding = "UTF-8";
    if (bom) {
      text = new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
    } else {
      try {
        text =
            StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(b))
                .toString();
      } catch (CharacterCodingException e) {
        encoding = "windows-1252";
        text = new String(b, Charset.forName("windows-1252"));
      }
    }
    String[] lines = text.split("\n", -1);
    boolean crlf = text.contains("\r\n");
    ContractCsv csv = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      if (i == lines.length - 1 && line.isEmpty()) {
        break;
      }
      if (line.chars().allMatch(c -> c == ' ' || c == '\t' || c == ';' || c == ',')) {
        if (csv != null) {
          csv.skippedLines++;
        }
        continue;
      }
      if (csv == null) {
        csv = new ContractCsv(file, bom, encoding, crlf, separator(line));
        for (String h : split(line, csv.separator)) {
          csv.header.add(h.strip().toLowerCase(Locale.ROOT));
        }
        while (!csv.header.isEmpty() && csv.header.get(csv.header.size() - 1).isEmpty()) {
          csv.header.remove(csv.header.size() - 1);
        }
        continue;
      }
      List<String> f = split(line, csv.separator);
      boolean ok = f.size() >= csv.header.size();
      for (int k = csv.header.size(); ok && k < f.size(); k++) {
        ok = f.get(k).isBlank();
      }
      if (!ok) {
        csv.malformedRows++;
        continue;
      }
      Map<String, String> row = new LinkedHashMap<>();
      for (int k = 0; k < csv.header.size(); k++) {
        row.put(csv.header.get(k), f.get(k).strip());
      }
      csv.rows.add(row);
      csv.rawRows.add(line);
    }
    if (csv == null) {
      throw new IOException("no header in " + file);
    }
    return csv;
  }

  private static char separator(String header) {
    char best = ';';
    long most = -1;
    for (char c : new char[] {';', ',', '\t'}) {
      long n = header.chars().filter(x -> x == c).count();
      if (n > most) {
        most = n;
        best = c;
      }
    }
    return best;
  }

  /** One line split on {@code sep}, with RFC 4180 quotes. */
  public static List<String> split(String line, char sep) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == sep) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }

  /** An amount in öre, by the contract's amount rule; throws on anything else. */
  static long amountOre(String s) {
    if (!s.matches("[-\u2212]?(\\d{1,3}([ \u00A0\u202F]\\d{3})*|\\d+)([.,]\\d{1,2})?")) {
      throw new IllegalArgumentException("not an amount: " + s);
    }
    boolean negative = s.charAt(0) == '-' || s.charAt(0) == '\u2212';
    String digits = s.replaceAll("[-\u2212 \u00A0\u202F]", "");
    String[] parts = digits.split("[.,]");
    long ore = Long.parseLong(parts[0]) * 100;
    if (parts.length > 1) {
      ore += Long.parseLong((parts[1] + "0").substring(0, 2));
    }
    return negative ? -ore : ore;
  }
}
