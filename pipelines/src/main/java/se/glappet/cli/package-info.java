/** The command line: {@code glappet batch}, {@code generate} and {@code dashboard}, their options and exit codes. */
package se.glappet.cli;
