package org.civitas.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.hibernate.annotations.Immutable;

/** One row of the append-only audit log: Hibernate never issues an UPDATE for it. */
@Entity
@Immutable
@Table(name = "audit_log")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private LocalDateTime at;
    private String actor;
    private String action;
    private String targetType;
    private String targetId;
    @Column(name = "before_data")
    private String before;
    @Column(name = "after_data")
    private String after;
    private String detail;
    private String clientIp;

    protected AuditEntry() {
    }

    AuditEntry(LocalDateTime at, AuditEvent event, String clientIp) {
        this.at = at;
        this.actor = truncate(event.actor(), 64);
        this.action = event.action();
        this.targetType = event.targetType();
        this.targetId = truncate(event.targetId(), 64);
        this.before = event.before();
        this.after = event.after();
        this.detail = truncate(event.detail(), 500);
        this.clientIp = clientIp;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public Long getId() { return id; }
    public LocalDateTime getAt() { return at; }
    public String getActor() { return actor; }
    public String getAction() { return action; }
    public String getTargetType() { return targetType; }
    public String getTargetId() { return targetId; }
    public String getBefore() { return before; }
    public String getAfter() { return after; }
    public String getDetail() { return detail; }
    public String getClientIp() { return clientIp; }
}
