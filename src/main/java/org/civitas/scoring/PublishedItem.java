package org.civitas.scoring;

/** One of a published month's top problem items (list item and its count of cases). */
public record PublishedItem(String itemCode, String itemName, long cases) {
}
