package org.civitas.dashboard;

/** How many reports of one list item; the name is the item's name in the newest version the cases were under. */
public record ItemCount(String itemCode, String itemName, long count) {
}
