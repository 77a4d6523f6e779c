package se.glappet.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Line-level CSV rules of contract section 2.1: which lines are skipped, the separator of a file,
 * and splitting one physical line into fields (with {@code "} quoting, {@code ""} inside quotes).
 */
public final class CsvDialect {
  private CsvDialect() {}

  /** True for a line holding nothing but spaces, tabs, {@code ;} and {@code ,}: it is skipped. */
  public static boolean isSkippable(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c != ' ' && c != '\t' && c != ';' && c != ',') {
        return false;
      }
    }
    return true;
  }

  /** Whichever of {@code ;}, {@code ,} and tab occurs most often in the header line; ties in that order. */
  public static char detectSeparator(String header) {
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

  /**
   * Splits one line into raw (untrimmed, unquoted) fields, or returns null when it cannot be split:
   * an unclosed quote, text after a closing quote before the next separator, or a quote inside an
   * unquoted field. So both halves of a quoted value broken by a line break fail (contract 2.1).
   */
  public static List<String> split(String line, char sep) {
    if (line.indexOf('"') < 0) {
      return splitUnquoted(line, sep);
    }
    List<String> fields = new ArrayList<>();
    int n = line.length();
    int i = 0;
    while (true) {
      // Leading spaces/tabs before a quote are allowed (they are trimmed anyway).
      int j = i;
      while (j < n && (line.charAt(j) == ' ' || line.charAt(j) == '\t') && line.charAt(j) != sep) {
        j++;
      }
      if (j < n && line.charAt(j) == '"') {
        StringBuilder sb = new StringBuilder();
        int k = j + 1;
        boolean closed = false;
        while (k < n) {
          char c = line.charAt(k);
          if (c == '"') {
            if (k + 1 < n && line.charAt(k + 1) == '"') {
              sb.append('"');
              k += 2;
              continue;
            }
            closed = true;
            k++;
            break;
          }
          sb.append(c);
          k++;
        }
        if (!closed) {
          return null;
        }
        while (k < n && (line.charAt(k) == ' ' || line.charAt(k) == '\t') && line.charAt(k) != sep) {
          k++;
        }
        fields.add(sb.toString());
        if (k == n) {
          return fields;
        }
        if (line.charAt(k) != sep) {
          return null;
        }
        i = k + 1;
      } else {
        int k = line.indexOf(sep, i);
        String field = k < 0 ? line.substring(i) : line.substring(i, k);
        if (field.indexOf('"') >= 0) {
          // A quote outside a quoted field: the line's quotes do not balance (e.g. the second half
          // of a quoted value broken by a line break), so it cannot be split.
          return null;
        }
        fields.add(field);
        if (k < 0) {
          return fields;
        }
        i = k + 1;
      }
    }
  }

  /**
   * {@link #split} of a line without any {@code "}, the common case: then no field is quoted, so
   * the fields are simply the text between separators.
   */
  private static List<String> splitUnquoted(String line, char sep) {
    List<String> fields = new ArrayList<>(16);
    int i = 0;
    while (true) {
      int k = line.indexOf(sep, i);
      if (k < 0) {
        fields.add(line.substring(i));
        return fields;
      }
      fields.add(line.substring(i, k));
      i = k + 1;
    }
  }
}
