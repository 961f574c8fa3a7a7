package org.civitas.analysis;

/** A place reported again and again in the period: the same street and address, or the same street and item. */
public record HotSpot(String districtName, String streetName, String place, String itemName, long count) {
}
