/** Detection and masking of Swedish personal identity numbers, so that none ever reaches an output. */
package se.glappet.privacy;
