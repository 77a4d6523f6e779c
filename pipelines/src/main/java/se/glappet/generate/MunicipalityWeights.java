package se.glappet.generate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How big each municipality is and how much of the national volume it gets: rough real 2010
 * populations for the big municipalities and the eight Södertörn ones, a deterministic log-normal spread
 * (2 500–100 000) for the rest so that Sweden totals about 9.4 million, a yearly growth rate, and how
 * many newcomers and income-support households it has relative to its size.
 *
 * <p>The geography is fixed (its own constant seed), so every {@code --seed} describes the same country.
 */
final class MunicipalityWeights {
  static final long SWEDEN_2010 = 9_415_570L;
  private static final long GEOGRAPHY_SEED = 20101201L;

  /** code → {population 2010, newcomer intensity, income-support intensity}. */
  private static final Map<String, double[]> KNOWN = new HashMap<>();

  static {
    known("0180", 847_073, 0.9, 0.85); // Stockholm
    known("1480", 513_751, 1.2, 1.3); // Göteborg
    known("1280", 298_963, 1.6, 1.8); // Malmö
    known("0380", 197_787, 0.8, 0.9); // Uppsala
    known("0580", 146_416, 1.0, 1.0); // Linköping
    known("0581", 130_050, 1.2, 1.3); // Norrköping
    known("1980", 137_207, 1.1, 1.2); // Västerås
    known("1880", 135_460, 1.1, 1.2); // Örebro
    known("1283", 129_177, 1.1, 1.2); // Helsingborg
    known("0680", 127_382, 1.0, 0.9); // Jönköping
    known("2480", 115_473, 0.8, 0.8); // Umeå
    known("1281", 112_925, 0.6, 0.7); // Lund
    known("1490", 102_458, 1.0, 1.1); // Borås
    known("2180", 96_273, 1.0, 1.2); // Gävle
    known("0484", 96_311, 1.4, 1.5); // Eskilstuna
    known("2281", 95_533, 0.8, 1.0); // Sundsvall
    known("1380", 91_800, 1.0, 1.0); // Halmstad
    known("0182", 90_085, 0.5, 0.5); // Nacka
    known("1780", 85_753, 0.9, 1.0); // Karlstad
    known("0780", 83_005, 1.0, 0.9); // Växjö
    known("1290", 80_280, 1.0, 1.1); // Kristianstad
    known("1384", 75_062, 0.3, 0.4); // Kungsbacka
    known("2580", 74_178, 0.8, 0.8); // Luleå
    known("2482", 71_770, 0.6, 0.7); // Skellefteå
    known("0184", 68_877, 0.6, 0.6); // Solna
    known("0163", 66_467, 0.6, 0.5); // Sollentuna
    known("0123", 66_211, 0.9, 0.8); // Järfälla
    known("0160", 64_290, 0.3, 0.3); // Täby
    known("1080", 63_342, 0.9, 1.0); // Karlskrona
    known("0880", 62_815, 0.9, 0.9); // Kalmar
    known("1481", 61_789, 0.6, 0.7); // Mölndal
    known("2380", 59_373, 0.7, 0.8); // Östersund
    known("1383", 57_939, 0.6, 0.7); // Varberg
    known("0980", 57_269, 0.5, 0.7); // Gotland
    known("2080", 56_044, 0.8, 0.9); // Falun
    known("0188", 56_116, 0.5, 0.7); // Norrtälje
    known("1488", 55_180, 1.4, 1.4); // Trollhättan
    known("2284", 55_128, 0.7, 0.7); // Örnsköldsvik
    known("0480", 51_807, 0.8, 1.0); // Nyköping
    known("1496", 51_914, 1.0, 1.0); // Skövde
    known("1485", 51_791, 1.1, 1.2); // Uddevalla
    known("2081", 49_109, 1.4, 1.4); // Borlänge
    known("0191", 41_849, 1.0, 1.0); // Sigtuna
    known("1287", 42_045, 0.8, 1.0); // Trelleborg
    known("1282", 41_750, 2.0, 1.9); // Landskrona
    known("0183", 39_004, 0.9, 0.9); // Sundbyberg
    // Södertörn
    known("0126", 97_453, 1.2, 1.0); // Huddinge
    known("0181", 86_246, 2.6, 1.7); // Södertälje
    known("0127", 85_417, 1.9, 1.6); // Botkyrka
    known("0136", 76_237, 1.0, 1.1); // Haninge
    known("0138", 43_335, 0.6, 0.6); // Tyresö
    known("0120", 39_020, 0.5, 0.6); // Värmdö
    known("0192", 26_141, 0.8, 1.1); // Nynäshamn
    known("0128", 15_581, 0.7, 0.8); // Salem
  }

  private static void known(String code, double population, double newcomers, double support) {
    KNOWN.put(code, new double[] {population, newcomers, support});
  }

  private final List<Municipality> all;
  private final Map<String, Integer> index = new HashMap<>();
  private final double[] population2010;
  private final double[] growth;
  private final double[] newcomerShare;
  private final double[] supportShare;

  MunicipalityWeights(List<Municipality> all) {
    this.all = all;
    int n = all.size();
    population2010 = new double[n];
    growth = new double[n];
    double[] newcomerIntensity = new double[n];
    double[] supportIntensity = new double[n];
    SplittableRandom r = new SplittableRandom(GEOGRAPHY_SEED);
    boolean[] drawn = new boolean[n];
    double knownTotal = 0;
    double drawnTotal = 0;
    for (int i = 0; i < n; i++) {
      String code = all.get(i).code;
      index.put(code, i);
      double[] k = KNOWN.get(code);
      // Every municipality draws the same number of values, known or not, so the spread is stable.
      double spread = Math.exp(Math.log(11_000) + 0.75 * Seeds.gaussian(r));
      double g = -0.010 + 0.022 * r.nextDouble();
      double ni = Math.max(0.2, Math.min(3.0, Math.exp(0.5 * Seeds.gaussian(r))));
      double si = Math.max(0.4, Math.min(1.8, Math.exp(0.3 * Seeds.gaussian(r))));
      if (k != null) {
        population2010[i] = k[0];
        knownTotal += k[0];
        growth[i] = 0.006 + Math.abs(g); // 0.6–1.6 % a year
        newcomerIntensity[i] = k[1];
        supportIntensity[i] = k[2];
      } else {
        population2010[i] = spread;
        drawn[i] = true;
        drawnTotal += spread;
        growth[i] = g;
        newcomerIntensity[i] = ni;
        supportIntensity[i] = si;
      }
    }
    double factor = drawnTotal > 0 ? (SWEDEN_2010 - knownTotal) / drawnTotal : 0;
    double newcomerTotal = 0;
    double supportTotal = 0;
    for (int i = 0; i < n; i++) {
      if (drawn[i]) {
        population2010[i] = Math.round(Math.max(2_500, Math.min(100_000, population2010[i] * factor)));
      }
      newcomerTotal += population2010[i] * newcomerIntensity[i];
      supportTotal += population2010[i] * supportIntensity[i];
    }
    newcomerShare = new double[n];
    supportShare = new double[n];
    for (int i = 0; i < n; i++) {
      newcomerShare[i] = population2010[i] * newcomerIntensity[i] / newcomerTotal;
      supportShare[i] = population2010[i] * supportIntensity[i] / supportTotal;
    }
  }

  int indexOf(String code) {
    Integer i = index.get(code);
    if (i == null) {
      throw new IllegalArgumentException("unknown municipality " + code);
    }
    return i;
  }

  /** Inhabitants on 31 December of the year. */
  long population(String code, int year) {
    int i = indexOf(code);
    return Math.max(1, Math.round(population2010[i] * Math.pow(1 + growth[i], year - 2010)));
  }

  /** The municipality's share of the country's newcomers (the shares of all 290 sum to 1). */
  double newcomerShare(String code) {
    return newcomerShare[indexOf(code)];
  }

  /** The municipality's share of the country's income-support households (all 290 sum to 1). */
  double supportShare(String code) {
    return supportShare[indexOf(code)];
  }

  long totalPopulation(int year) {
    long sum = 0;
    for (Municipality m : all) {
      sum += population(m.code, year);
    }
    return sum;
  }
}
