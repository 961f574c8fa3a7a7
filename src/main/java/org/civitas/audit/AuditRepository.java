package org.civitas.audit;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Insert and read only: no update or delete method exists. */
interface AuditRepository extends Repository<AuditEntry, Long> {

    String FILTER = """
            (:actor is null or a.actor = :actor)
              and (:anyAction = true or a.action in :actions)
              and (:targetType is null or a.targetType = :targetType)
              and (:targetId is null or a.targetId = :targetId)
              and (:from is null or a.at >= :from)
              and (:to is null or a.at < :to)""";

    AuditEntry save(AuditEntry entry);

    long count();

    @Query("select a from AuditEntry a where " + FILTER + " order by a.id desc")
    Slice<AuditEntry> search(String actor, boolean anyAction, Collection<String> actions, String targetType,
                             String targetId, LocalDateTime from, LocalDateTime to, Pageable page);

    /** The next rows of an export, newest first, below the id where the page before ended. */
    @Query("select a from AuditEntry a where " + FILTER + " and a.id < :below order by a.id desc")
    List<AuditEntry> below(String actor, boolean anyAction, Collection<String> actions, String targetType,
                           String targetId, LocalDateTime from, LocalDateTime to, long below, Pageable page);

    @Query("select distinct a.action from AuditEntry a")
    List<String> actions();
}
