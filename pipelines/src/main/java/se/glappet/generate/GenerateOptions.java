package se.glappet.generate;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The parsed arguments of {@code generate}. */
final class GenerateOptions {
  static final double MIN_SCALE = 0.001;
  static final double MAX_SCALE = 4;
  static final int MAX_MONTHS = 240;

  final boolean help;
  final Path output;
  /** True for all 290 municipalities, false for the eight Södertörn ones. */
  final boolean allMunicipalities;
  final int fromMonth;
  final int toMonth;
  final long seed;
  final double scale;
  /** True when no deliberate dirt is written. */
  final boolean clean;

  private GenerateOptions(
      boolean help, Path output, boolean allMunicipalities, int fromMonth, int toMonth, long seed,
      double scale, boolean clean) {
    this.help = help;
    this.output = output;
    this.allMunicipalities = allMunicipalities;
    this.fromMonth = fromMonth;
    this.toMonth = toMonth;
    this.seed = seed;
    this.scale = scale;
    this.clean = clean;
  }

  /** Parses {@code --opt value} and {@code --opt=value} forms. */
  static GenerateOptions parse(String[] args) throws UsageException {
    Map<String, String> values = new LinkedHashMap<>();
    boolean help = false;
    boolean clean = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--help") || a.equals("-h")) {
        help = true;
        continue;
      }
      if (!a.startsWith("--") || a.length() == 2) {
        throw new UsageException("unexpected argument '" + a + "'");
      }
      int eq = a.indexOf('=');
      String name = eq < 0 ? a.substring(2) : a.substring(2, eq);
      if (name.equals("clean")) {
        if (eq >= 0) {
          throw new UsageException("--clean takes no value");
        }
        clean = true;
        continue;
      }
      if (!name.equals("output") && !name.equals("municipalities") && !name.equals("from")
          && !name.equals("to") && !name.equals("seed") && !name.equals("scale")) {
        throw new UsageException("unknown option --" + name);
      }
      String value;
      if (eq >= 0) {
        value = a.substring(eq + 1);
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        value = args[++i];
      } else {
        throw new UsageException("--" + name + " needs a value");
      }
      if (values.put(name, value) != null) {
        throw new UsageException("--" + name + " given twice");
      }
    }
    if (help) {
      return new GenerateOptions(true, null, false, 0, 0, 1, 1, clean);
    }
    String output = require(values, "output");
    if (output.isBlank()) {
      throw new UsageException("--output needs a folder");
    }
    String set = values.getOrDefault("municipalities", "sodertorn").toLowerCase(Locale.ROOT);
    if (!set.equals("sodertorn") && !set.equals("all")) {
      throw new UsageException("--municipalities must be sodertorn or all, not '" + set + "'");
    }
    int from = month(require(values, "from"), "--from");
    int to = month(require(values, "to"), "--to");
    if (from > to) {
      throw new UsageException("--from " + Days.monthText(from) + " is after --to " + Days.monthText(to));
    }
    if (to - from + 1 > MAX_MONTHS) {
      throw new UsageException("at most " + MAX_MONTHS + " months at a time");
    }
    long seed;
    try {
      seed = Long.parseLong(values.getOrDefault("seed", "1"));
    } catch (NumberFormatException e) {
      throw new UsageException("--seed must be an integer, not '" + values.get("seed") + "'");
    }
    double scale;
    try {
      scale = Double.parseDouble(values.getOrDefault("scale", "1"));
    } catch (NumberFormatException e) {
      throw new UsageException("--scale must be a number, not '" + values.get("scale") + "'");
    }
    if (!(scale >= MIN_SCALE && scale <= MAX_SCALE)) {
      throw new UsageException("--scale must be between " + MIN_SCALE + " and " + MAX_SCALE);
    }
    return new GenerateOptions(false, Path.of(output), set.equals("all"), from, to, seed, scale, clean);
  }

  private static String require(Map<String, String> values, String name) throws UsageException {
    String v = values.get(name);
    if (v == null) {
      throw new UsageException("--" + name + " is required");
    }
    return v;
  }

  private static int month(String text, String option) throws UsageException {
    int m;
    try {
      m = Days.parseMonth(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException(option + " must be a month YYYY-MM, not '" + text + "'");
    }
    if (Days.year(m) < 1990 || Days.year(m) > 2099) {
      throw new UsageException(option + " must be between 1990-01 and 2099-12");
    }
    return m;
  }
}
