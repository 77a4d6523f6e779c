/** The {@code generate} subcommand: a deterministic synthetic input folder in the contract's CSV format. */
package se.glappet.generate;
