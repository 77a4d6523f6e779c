package se.glappet.figures;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import se.glappet.records.PopulationRow;

/** Contract section 2.5: a month uses the row with the largest year not after its own year. */
public final class PopulationLookup implements Serializable {
  private static final long serialVersionUID = 1L;
  private final Map<String, TreeMap<Integer, Long>> byMunicipality = new HashMap<>();

  public PopulationLookup(Iterable<PopulationRow> rows) {
    for (PopulationRow r : rows) {
      byMunicipality.computeIfAbsent(r.municipalityCode, k -> new TreeMap<>()).put(r.year, r.population);
    }
  }

  /** Inhabitants for the municipality in a month of {@code year}, or null when unknown. */
  public Long population(String municipality, int year) {
    TreeMap<Integer, Long> years = byMunicipality.get(municipality);
    if (years == null) {
      return null;
    }
    Map.Entry<Integer, Long> e = years.floorEntry(year);
    return e == null ? null : e.getValue();
  }
}
