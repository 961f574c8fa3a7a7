package org.civitas.cases;

/** Whose photo: the complainant's report or the unit's reply. */
public enum PhotoKind {
    REPORT, REPLY
}
