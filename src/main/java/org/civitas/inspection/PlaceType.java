package org.civitas.inspection;

/** The kinds of place an inspection round covers; the label is the key {@code PlaceType.<name>}. */
public enum PlaceType {
    COMMUNITY, MARKET, SCHOOL, MALL, HOSPITAL, STATION, COMMERCIAL_COMPLEX, BACK_STREET
}
