/** Per-person gap windows and the apportioning of payments to them (contract section 3). */
package se.glappet.gap;
