package org.civitas.catalog;

/** Units are ranked only against their peers (docs/design.md §7): districts in three groups, departments, enterprises. */
public enum PeerGroup {
    CENTRAL,
    NEW_URBAN,
    FUNCTIONAL_ZONE,
    DEPARTMENT,
    ENTERPRISE
}
