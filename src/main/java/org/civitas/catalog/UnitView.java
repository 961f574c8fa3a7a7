package org.civitas.catalog;

/** A unit as other features and the admin grid see it; {@code version} is for optimistic locking of edits. */
public record UnitView(String code, String name, UnitKind kind, PeerGroup peerGroup, String parentCode,
                       boolean active, long version) {
}
