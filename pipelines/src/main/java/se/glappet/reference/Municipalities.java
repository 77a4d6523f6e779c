package se.glappet.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The municipality reference list (contract section 5): {@code municipality_code,name,county_code,
 * county_name}, shipped with the product or read from {@code --reference DIR}.
 */
public final class Municipalities implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String RESOURCE = "/se/glappet/reference/municipalities.csv";
  /** The eight Södertörn municipalities. */
  public static final List<String> SODERTORN =
      List.of("0120", "0126", "0127", "0128", "0136", "0138", "0181", "0192");

  /** One municipality. */
  public static final class Municipality implements Serializable {
    private static final long serialVersionUID = 1L;
    public final String code;
    public final String name;
    public final String countyCode;
    public final String countyName;

    Municipality(String code, String name, String countyCode, String countyName) {
      this.code = code;
      this.name = name;
      this.countyCode = countyCode;
      this.countyName = countyName;
    }
  }

  private final Map<String, Municipality> byCode;

  private Municipalities(Map<String, Municipality> byCode) {
    this.byCode = Collections.unmodifiableMap(byCode);
  }

  /** The shipped list. */
  public static Municipalities shipped() {
    try (InputStream in = Municipalities.class.getResourceAsStream(RESOURCE)) {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the shipped municipality list", e);
    }
  }

  /** {@code dir/municipalities.csv}. */
  public static Municipalities fromDirectory(Path dir) throws IOException {
    Path file = dir.resolve("municipalities.csv");
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    return parse(text, file.toString());
  }

  static Municipalities parse(String text, String source) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    Map<String, Municipality> map = new TreeMap<>();
    String[] lines = text.split("\r?\n");
    if (lines.length == 0 || !lines[0].trim().equalsIgnoreCase("municipality_code,name,county_code,county_name")) {
      throw new IllegalArgumentException(source
          + ": the header must be municipality_code,name,county_code,county_name");
    }
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String[] f = lines[i].split(",", -1);
      if (f.length != 4 || !f[0].trim().matches("[0-9]{4}")) {
        throw new IllegalArgumentException(source + " line " + (i + 1) + ": expected code,name,county_code,county_name");
      }
      map.put(f[0].trim(), new Municipality(f[0].trim(), f[1].trim(), f[2].trim(), f[3].trim()));
    }
    return new Municipalities(map);
  }

  public Map<String, Municipality> byCode() {
    return byCode;
  }

  public Municipality get(String code) {
    return byCode.get(code);
  }

  public Map<String, String> names() {
    Map<String, String> names = new TreeMap<>();
    byCode.forEach((k, v) -> names.put(k, v.name));
    return names;
  }
}
