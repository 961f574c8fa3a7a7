package org.civitas.catalog;

import java.util.EnumSet;
import java.util.Set;

public enum UnitKind {
    DISTRICT,
    DEPARTMENT,
    ENTERPRISE,
    STREET;

    /** The peer groups a unit of this kind may be ranked in; a street is ranked with its district. */
    public Set<PeerGroup> peerGroups() {
        return switch (this) {
            case DISTRICT -> EnumSet.of(PeerGroup.CENTRAL, PeerGroup.NEW_URBAN, PeerGroup.FUNCTIONAL_ZONE);
            case DEPARTMENT -> EnumSet.of(PeerGroup.DEPARTMENT);
            case ENTERPRISE -> EnumSet.of(PeerGroup.ENTERPRISE);
            case STREET -> EnumSet.noneOf(PeerGroup.class);
        };
    }

    /** Only departments and enterprises can be an item's lead unit. */
    public boolean canLeadItems() {
        return this == DEPARTMENT || this == ENTERPRISE;
    }
}
