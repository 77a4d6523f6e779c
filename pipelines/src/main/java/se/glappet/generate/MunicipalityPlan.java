package se.glappet.generate;

import java.util.SplittableRandom;

/** What the generator decides once per municipality: its volumes and how its systems export. */
final class MunicipalityPlan {
  final Municipality municipality;
  /** Position in the selection (sorted by code). */
  final int position;
  final Dialect dialect;
  /** 0: {@code P12345}; 1: {@code FB-2011-012345}; 2: {@code utb_000A1Z}. */
  final int paymentIdStyle;
  final long firstPaymentNumber;
  /** True: income support is paid a few days before the month it covers; false: early in it. */
  final boolean payInAdvance;
  /** True when amounts are whole kronor (some systems never pay öre). */
  final boolean wholeKronor;
  /** True when the KIS export leaves out the optional in_sfi column. */
  final boolean omitSfi;
  final double newcomersPerMonth;
  final int households;

  MunicipalityPlan(
      Municipality municipality, int position, Dialect dialect, SplittableRandom r,
      double newcomersPerMonth, int households) {
    this.municipality = municipality;
    this.position = position;
    this.dialect = dialect;
    this.paymentIdStyle = r.nextInt(3);
    this.firstPaymentNumber = 1000 + r.nextInt(90_000);
    this.payInAdvance = r.nextBoolean();
    this.wholeKronor = r.nextDouble() < 0.3;
    this.omitSfi = r.nextDouble() < 0.15;
    this.newcomersPerMonth = newcomersPerMonth;
    this.households = households;
  }

  String code() {
    return municipality.code;
  }

  /** A source-system payment id, unique in the municipality for a running number. */
  String paymentId(long number, int paymentDate) {
    switch (paymentIdStyle) {
      case 0:
        return "P" + number;
      case 1: {
        String digits = Long.toString(number);
        StringBuilder sb = new StringBuilder(16).append("FB-").append(Days.yearOf(paymentDate)).append('-');
        for (int i = digits.length(); i < 6; i++) {
          sb.append('0');
        }
        return sb.append(digits).toString();
      }
      default: {
        String b36 = Long.toString(number, 36).toUpperCase(java.util.Locale.ROOT);
        StringBuilder sb = new StringBuilder(12).append("utb_");
        for (int i = b36.length(); i < 6; i++) {
          sb.append('0');
        }
        return sb.append(b36).toString();
      }
    }
  }
}
