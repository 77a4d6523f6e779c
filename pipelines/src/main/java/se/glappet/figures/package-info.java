/** The published tables' figures, before disclosure control (contract sections 4.1 to 4.5). */
package se.glappet.figures;
