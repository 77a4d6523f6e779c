/** The municipality reference list: Sweden's 290 municipalities with their counties. */
package se.glappet.reference;
