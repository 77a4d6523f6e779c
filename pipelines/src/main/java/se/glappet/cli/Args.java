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
      if (!arg.startsWith("--")) {
        throw new UsageException("unexpected argument '" + arg + "'");
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
        throw new UsageException("unknown option --" + name);
      }
    }
    return a;
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
