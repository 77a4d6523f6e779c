/** Disclosure control: small cells (1 to 4 persons or households) are never published (contract 4.6). */
package se.glappet.disclosure;
