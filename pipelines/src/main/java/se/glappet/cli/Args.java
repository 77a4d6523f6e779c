package se.glappet.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GNU-style options: {@code --name value} or {@code --name=value}, and boolean flags. Options not in
 * the known set are kept aside (the batch passes them to Beam, e.g. {@code --flinkMaster}).
 */
public final class Args {
  private final Map<String, String> values = new LinkedHashMap<>();
  private final List<String> passThrough = new ArrayList<>();

  private Args() {}

  public static Args parse(String[] args, Set<String> withValue, Set<String> flags, boolean allowUnknown)
      throws UsageException {
    Args a = new Args();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("-h") && flags.contains("help")) {
        arg = "--help";
      }
      if (!arg.startsWith("--")) {
        throw new UsageException(arg.startsWith("-") && arg.length() > 1
            ? "unknown option " + arg + " (options are written --name)"
            : "unexpected argument '" + arg + "' (options are written --name value)");
      }
      String name = arg.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      if (flags.contains(name)) {
        if (value != null) {
          throw new UsageException("--" + name + " takes no value");
        }
        a.values.put(name, "true");
      } else if (withValue.contains(name)) {
        if (value == null) {
          if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
            throw new UsageException("--" + name + " needs a value");
          }
          value = args[++i];
        }
        if (a.values.containsKey(name)) {
          throw new UsageException("--" + name + " given twice");
        }
        a.values.put(name, value);
      } else if (allowUnknown) {
        if (value == null && i + 1 < args.length && !args[i + 1].startsWith("--")) {
          value = args[++i];
        }
        a.passThrough.add("--" + name + (value == null ? "" : "=" + value));
      } else {
        throw new UsageException(unknown(name, withValue, flags));
      }
    }
    return a;
  }

  /** "unknown option --name", with the nearest known option when one is close. */
  static String unknown(String name, Set<String> withValue, Set<String> flags) {
    List<String> known = new ArrayList<>(withValue);
    known.addAll(flags);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = distance(name.toLowerCase(java.util.Locale.ROOT), k);
      if (d < bestDistance || (d == bestDistance && best != null && k.compareTo(best) < 0)) {
        best = k;
        bestDistance = d;
      }
    }
    boolean close = best != null && bestDistance <= Math.max(1, Math.min(2, name.length() / 3));
    return "unknown option --" + name + (close ? " (did you mean --" + best + "?)" : "");
  }

  /** Edit distance with adjacent transpositions (optimal string alignment). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  public String get(String name) {
    return values.get(name);
  }

  public String get(String name, String dflt) {
    return values.getOrDefault(name, dflt);
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  public String require(String name) throws UsageException {
    String v = values.get(name);
    if (v == null) {
      throw new UsageException("--" + name + " is required");
    }
    return v;
  }

  public List<String> passThrough() {
    return passThrough;
  }

  public Map<String, String> values() {
    return values;
  }
}
