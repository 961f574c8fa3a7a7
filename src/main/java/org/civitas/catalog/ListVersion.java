package org.civitas.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** One year's negative list. A case keeps the version it was dispatched under. */
@Entity
@Table(name = "list_version")
class ListVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String label;
    private LocalDate effectiveFrom;
    private LocalDateTime createdAt;
    private String createdBy;

    protected ListVersion() {
    }

    ListVersion(String label, LocalDate effectiveFrom, LocalDateTime createdAt, String createdBy) {
        this.label = label;
        this.effectiveFrom = effectiveFrom;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    VersionView toView(VersionView.Status status) {
        return new VersionView(id, label, effectiveFrom, createdAt, createdBy, status);
    }

    Long getId() { return id; }
    String getLabel() { return label; }
    LocalDate getEffectiveFrom() { return effectiveFrom; }
}
