/** Writing the month files, publishing them atomically, the manifest and the quality report. */
package se.glappet.publish;
