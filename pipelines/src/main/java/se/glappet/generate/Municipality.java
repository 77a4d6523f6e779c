package se.glappet.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/** A municipality of the reference list. */
final class Municipality {
  static final String RESOURCE = "/se/glappet/reference/municipalities.csv";

  /** The eight Södertörn municipalities. */
  static final Set<String> SODERTORN =
      Set.of("0120", "0126", "0127", "0128", "0136", "0138", "0181", "0192");

  final String code;
  final String name;
  final String countyCode;

  Municipality(String code, String name, String countyCode) {
    this.code = code;
    this.name = name;
    this.countyCode = countyCode;
  }

  /** Reads the reference list shipped on the classpath, in its order. */
  static List<Municipality> loadReference() throws IOException {
    try (InputStream in = Municipality.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("missing classpath resource " + RESOURCE);
      }
      List<Municipality> list = new ArrayList<>();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String header = r.readLine();
      if (header == null || !header.replace("\uFEFF", "").startsWith("municipality_code,name,county_code")) {
        throw new IOException("unexpected header in " + RESOURCE + ": " + header);
      }
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split(",", -1);
        list.add(new Municipality(f[0].trim(), f[1].trim(), f[2].trim()));
      }
      return Collections.unmodifiableList(list);
    }
  }

  @Override
  public String toString() {
    return code + " " + name;
  }
}
