/** Renders the self-contained Swedish dashboard from the published Parquet files. */
package se.glappet.dashboard;
