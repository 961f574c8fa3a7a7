package org.civitas.audit;

import java.time.LocalDateTime;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Insert and read only: no update or delete method exists. */
interface AuditRepository extends Repository<AuditEntry, Long> {

    AuditEntry save(AuditEntry entry);

    long count();

    @Query("""
            select a from AuditEntry a
            where (:actor is null or a.actor = :actor)
              and (:action is null or a.action = :action)
              and (:from is null or a.at >= :from)
              and (:to is null or a.at < :to)
            order by a.id desc""")
    Slice<AuditEntry> search(String actor, String action, LocalDateTime from, LocalDateTime to, Pageable page);
}
