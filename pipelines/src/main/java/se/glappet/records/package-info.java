/** Typed, immutable records of the four input datasets after parsing and validation. */
package se.glappet.records;
