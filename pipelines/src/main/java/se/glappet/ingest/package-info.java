/** Reading the input folders: dialect detection, per-dataset column rules, duplicates and rejects. */
package se.glappet.ingest;
