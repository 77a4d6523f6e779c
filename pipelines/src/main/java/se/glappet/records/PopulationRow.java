package se.glappet.records;

import java.io.Serializable;

/** One accepted row of {@code population}: inhabitants of a municipality on 31 December of a year. */
@org.apache.beam.sdk.coders.DefaultCoder(RecordCoders.PopulationCoder.class)
public final class PopulationRow implements Serializable {
  private static final long serialVersionUID = 1L;

  public final String municipalityCode;
  public final int year;
  public final long population;

  public PopulationRow(String municipalityCode, int year, long population) {
    this.municipalityCode = municipalityCode;
    this.year = year;
    this.population = population;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof PopulationRow)) {
      return false;
    }
    PopulationRow p = (PopulationRow) o;
    return municipalityCode.equals(p.municipalityCode) && year == p.year && population == p.population;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(municipalityCode, year);
  }

  @Override
  public String toString() {
    return "PopulationRow[" + municipalityCode + " " + year + ": " + population + "]";
  }
}
