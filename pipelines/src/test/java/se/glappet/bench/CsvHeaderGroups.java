package se.glappet.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The expert peer's way into 3 500 small CSV files: group them by their header line, and decide
 * dialect, encoding and separator once per group instead of once per file.
 *
 * <p>Per file only the first few kilobytes are read: enough for the lines before the header
 * (blank or separators-only lines, contract 2.1) and the header line itself. Files whose header
 * line is the same byte for byte (byte-order mark included) and that have the same number of lines
 * before it form a group; a source system writes one header, so there are a handful of groups.
 *
 * <p>Per group:
 * <ul>
 *   <li>separator: whichever of {@code ;}, {@code ,}, tab occurs most often in the header (ties in
 *       that order), as contract 2.1;</li>
 *   <li>encoding: UTF-8 when the header starts with a byte-order mark; otherwise, when the header
 *       has a byte of 0x80 or above, UTF-8 if the header is valid UTF-8, else Windows-1252;
 *       otherwise the group's files are read whole, in path order, until one has such a byte,
 *       and that file decides (at most {@value #SAMPLE_FILES} files; none: UTF-8, which reads
 *       pure ASCII the same as Windows-1252). Windows-1252 is read with DuckDB's {@code latin-1},
 *       which differs only in bytes 0x80–0x9F, none of them in a contract column;</li>
 *   <li>column names: the header's cells, trimmed and lower-cased; empty cells are named
 *       {@code _empty_<i>}.</li>
 * </ul>
 *
 * <p>{@link #perFile} is the fallback when a group's guess fails (DuckDB refuses invalid UTF-8):
 * every file's encoding is then decided on its whole content, and the group key includes it.
 */
public final class CsvHeaderGroups {

  /** Files read whole, at most, to decide a group's encoding when its header is pure ASCII. */
  static final int SAMPLE_FILES = 3;

  private static final int HEAD_BYTES = 8192;

  /** A group of files read by one {@code read_csv}. */
  public record Group(List<Path> files, String encoding, char separator, int skip, List<String> columns) {
    /** DuckDB's name of the encoding: {@code utf-8} or {@code latin-1}. */
    public String duckDbEncoding() {
      return encoding.equals("UTF-8") ? "utf-8" : "latin-1";
    }
  }

  private CsvHeaderGroups() {}

  /** Every {@code .csv} (any letter case) directly in dir, in path order. */
  public static List<Path> listCsv(Path dir) throws IOException {
    Set<Path> paths = new TreeSet<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.filter(p -> Files.isRegularFile(p)
              && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
          .forEach(paths::add);
    }
    return new ArrayList<>(paths);
  }

  /** Groups by header line; encoding decided per group (see the class comment). */
  public static List<Group> byHeader(List<Path> files) throws IOException {
    return group(files, false);
  }

  /** Groups by header line and each file's own encoding (the fallback). */
  public static List<Group> perFile(List<Path> files) throws IOException {
    return group(files, true);
  }

  private static List<Group> group(List<Path> files, boolean perFileEncoding) throws IOException {
    Map<String, List<Path>> members = new LinkedHashMap<>();
    Map<String, Head> heads = new LinkedHashMap<>();
    Map<String, String> encodings = new LinkedHashMap<>();
    for (Path f : files) {
      Head h = head(f);
      if (h == null) {
        continue; // empty or header-less: contributes nothing
      }
      String enc = perFileEncoding ? encodingOfWholeFile(f) : "";
      String key = h.key() + "\u0000" + enc;
      members.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
      heads.putIfAbsent(key, h);
      if (perFileEncoding) {
        encodings.put(key, enc);
      }
    }
    List<Group> out = new ArrayList<>();
    for (Map.Entry<String, List<Path>> e : members.entrySet()) {
      Head h = heads.get(e.getKey());
      String enc = perFileEncoding ? encodings.get(e.getKey()) : groupEncoding(h, e.getValue());
      out.add(new Group(List.copyOf(e.getValue()), enc, h.separator(enc), h.skip, h.columns(enc)));
    }
    return out;
  }

  /**
   * The header line's bytes (without a byte-order mark, line end excluded), the lines before it,
   * and whether the file starts with a UTF-8 byte-order mark.
   */
  record Head(byte[] header, int skip, boolean bom) {
    String key() {
      return (bom ? "bom" : "") + "\u0000" + skip + "\u0000" + new String(header, StandardCharsets.ISO_8859_1);
    }

    String text(String encoding) {
      return new String(header, Charset.forName(encoding));
    }

    char separator(String encoding) {
      return CsvHeaderGroups.separator(text(encoding));
    }

    List<String> columns(String encoding) {
      List<String> names = new ArrayList<>();
      int i = 0;
      for (String cell : se.glappet.generate.ContractCsv.split(text(encoding), separator(encoding))) {
        String name = cell.strip().toLowerCase(Locale.ROOT);
        names.add(name.isEmpty() ? "_empty_" + i : name);
        i++;
      }
      return names;
    }
  }

  /** The first line that is not blank or separators only, and how many lines came before it. */
  static Head head(Path f) throws IOException {
    try (InputStream in = Files.newInputStream(f)) {
      byte[] buf = in.readNBytes(HEAD_BYTES);
      boolean eof = buf.length < HEAD_BYTES;
      boolean bom = buf.length >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB
          && (buf[2] & 0xff) == 0xBF;
      int pos = bom ? 3 : 0;
      int skip = 0;
      while (pos < buf.length) {
        int end = pos;
        while (end < buf.length && buf[end] != '\n') {
          end++;
        }
        if (end == buf.length && !eof) {
          // The line runs past what was read: read on (a header is rarely longer than 8 KB).
          byte[] more = in.readNBytes(HEAD_BYTES);
          eof = more.length < HEAD_BYTES;
          byte[] joined = Arrays.copyOf(buf, buf.length + more.length);
          System.arraycopy(more, 0, joined, buf.length, more.length);
          buf = joined;
          continue;
        }
        int lineEnd = end > pos && buf[end - 1] == '\r' ? end - 1 : end;
        byte[] line = Arrays.copyOfRange(buf, pos, lineEnd);
        if (!skippable(line)) {
          return new Head(line, skip, bom);
        }
        skip++;
        pos = end + 1;
      }
      return null;
    }
  }

  private static boolean skippable(byte[] line) {
    for (int i = 0; i < line.length; i++) {
      byte b = line[i];
      if (b != ' ' && b != '\t' && b != ';' && b != ',') {
        return false;
      }
    }
    return true;
  }

  private static String groupEncoding(Head h, List<Path> files) throws IOException {
    if (h.bom) {
      return "UTF-8";
    }
    if (hasHighByte(h.header)) {
      return validUtf8(h.header) ? "UTF-8" : "windows-1252";
    }
    for (int i = 0; i < Math.min(SAMPLE_FILES, files.size()); i++) {
      byte[] all = Files.readAllBytes(files.get(i));
      if (hasHighByte(all)) {
        return validUtf8(all) ? "UTF-8" : "windows-1252";
      }
    }
    return "UTF-8";
  }

  /** Contract 2.1 for one file: UTF-8 with a byte-order mark or when valid UTF-8, else Windows-1252. */
  static String encodingOfWholeFile(Path f) throws IOException {
    byte[] all = Files.readAllBytes(f);
    boolean bom = all.length >= 3 && (all[0] & 0xff) == 0xEF && (all[1] & 0xff) == 0xBB
        && (all[2] & 0xff) == 0xBF;
    return bom || validUtf8(all) ? "UTF-8" : "windows-1252";
  }

  private static boolean hasHighByte(byte[] b) {
    for (byte x : b) {
      if (x < 0) {
        return true;
      }
    }
    return false;
  }

  static char separator(String header) {
    int semi = 0;
    int comma = 0;
    int tab = 0;
    for (int i = 0; i < header.length(); i++) {
      char c = header.charAt(i);
      if (c == ';') {
        semi++;
      } else if (c == ',') {
        comma++;
      } else if (c == '\t') {
        tab++;
      }
    }
    if (semi >= comma && semi >= tab) {
      return ';';
    }
    return comma >= tab ? ',' : '\t';
  }

  static boolean validUtf8(byte[] b) {
    return DuckDbPeer.validUtf8(b);
  }
}
