package se.glappet.generate;

/** KIS reception types, in the order the KIS files list them. */
enum ReceptionType {
  ASSIGNED,
  OWN_HOUSING,
  QUOTA,
  FAMILY
}
