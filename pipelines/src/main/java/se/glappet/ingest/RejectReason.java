package se.glappet.ingest;

/** Why a row was rejected (contract section 2.7), in the order the checks run. */
public enum RejectReason {
  MISSING_COLUMN,
  MALFORMED_ROW,
  PII_DETECTED,
  BAD_VALUE,
  UNKNOWN_MUNICIPALITY,
  INCONSISTENT_DATES,
  DUPLICATE_ROW,
  CONFLICTING_DUPLICATE
}
