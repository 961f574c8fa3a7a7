package org.civitas.catalog;

/** Filters of the unit grid; null or blank means "any". The text matches code or name. */
public record UnitFilter(UnitKind kind, PeerGroup peerGroup, String parentCode, String text) {

    public static UnitFilter all() {
        return new UnitFilter(null, null, null, null);
    }
}
