package org.civitas.cases.photos;

/** Whose photo: the complainant's report or the unit's reply. */
public enum PhotoKind {
    REPORT, REPLY
}
