package org.civitas.catalog;

/** One of the 13 categories (类别) of the negative list. */
public record CategoryView(String code, String name, int sortOrder) {
}
