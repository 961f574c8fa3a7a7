package org.civitas.catalog;

/** A new unit, or the changes to one (its code and kind stay once created). */
public record UnitForm(String code, String name, UnitKind kind, PeerGroup peerGroup, String parentCode) {
}
