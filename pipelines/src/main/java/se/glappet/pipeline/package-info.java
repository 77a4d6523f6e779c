/** The batch graph: from the input files to the staged month files, in the order data flows. */
package se.glappet.pipeline;
