package org.civitas.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A district, street, department or enterprise. Never deleted: cases and scores keep naming it. */
@Entity
@Table(name = "unit")
class Unit {

    @Id
    private String code;
    private String name;
    @Enumerated(EnumType.STRING)
    private UnitKind kind;
    @Enumerated(EnumType.STRING)
    private PeerGroup peerGroup;
    private String parentCode;
    private boolean active = true;
    @Version
    private long version;

    protected Unit() {
    }

    Unit(String code, UnitKind kind) {
        this.code = code;
        this.kind = kind;
    }

    UnitView toView() {
        return new UnitView(code, name, kind, peerGroup, parentCode, active, version);
    }

    String getCode() { return code; }
    String getName() { return name; }
    void setName(String name) { this.name = name; }
    UnitKind getKind() { return kind; }
    PeerGroup getPeerGroup() { return peerGroup; }
    void setPeerGroup(PeerGroup peerGroup) { this.peerGroup = peerGroup; }
    String getParentCode() { return parentCode; }
    void setParentCode(String parentCode) { this.parentCode = parentCode; }
    boolean isActive() { return active; }
    void setActive(boolean active) { this.active = active; }
    long getVersion() { return version; }
}
