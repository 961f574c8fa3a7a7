package org.civitas.audit;

import io.micrometer.core.annotation.Timed;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import jakarta.persistence.EntityManager;
import org.civitas.base.RuleViolation;
import org.civitas.base.Snapshots;
import org.civitas.base.identity.CurrentUser;
import org.civitas.base.identity.AppRoles;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

@Service
public class AuditService {

    /** Excel's limit, less the header row. */
    public static final int MAX_EXPORT_ROWS = 1_048_575;
    static final int EXPORT_PAGE = 1000;
    static final String EXPORTED = "AUDIT_LOG_EXPORTED";
    private static final String AUDITOR = "hasRole('" + AppRoles.AUDITOR + "')";

    private final AuditRepository repository;
    private final Clock clock;
    private final EntityManager entities;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    AuditService(AuditRepository repository, Clock clock, EntityManager entities, CurrentUser currentUser,
                 ApplicationEventPublisher events) {
        this.repository = repository;
        this.clock = clock;
        this.entities = entities;
        this.currentUser = currentUser;
        this.events = events;
    }

    /** Joins the publisher's transaction, so the audited change and its row are one unit. */
    @EventListener
    @Transactional(propagation = Propagation.REQUIRED)
    void on(AuditEvent event) {
        repository.save(new AuditEntry(LocalDateTime.now(clock), event, clientIp()));
    }

    @PreAuthorize(AUDITOR)
    @Transactional(readOnly = true)
    public Slice<AuditEntry> search(AuditFilter filter, Pageable page) {
        Query q = Query.of(filter);
        return repository.search(q.actor, q.anyAction, q.actions, q.targetType, q.targetId, q.from, q.to, page);
    }

    /** Every action code the log holds, sorted: the auditor picks from these (and from those the code knows). */
    @PreAuthorize(AUDITOR)
    @Transactional(readOnly = true)
    public List<String> actions() {
        return List.copyOf(new TreeSet<>(repository.actions()));
    }

    /**
     * Hands every row matching {@code filter} to {@code sink}, newest first, and returns how many there were. Pages
     * by id in one transaction (one snapshot of the log), forgetting each page once handed on, so memory stays flat.
     * The export is itself audited ({@code AUDIT_LOG_EXPORTED}, with the filter and the count) in the same
     * transaction: a sink that throws leaves no audit row for an export that did not happen. More rows than a sheet
     * holds are refused (the caller writes its file only after the last row).
     */
    @PreAuthorize(AUDITOR)
    @Transactional
    @Timed(value = "civitas.export", extraTags = {"report", "audit", "format", "xlsx"})
    public int export(AuditFilter filter, Consumer<AuditEntry> sink) {
        Query q = Query.of(filter);
        long total = 0;
        long below = Long.MAX_VALUE;
        List<AuditEntry> page;
        do {
            page = repository.below(q.actor, q.anyAction, q.actions, q.targetType, q.targetId, q.from, q.to, below,
                    PageRequest.of(0, EXPORT_PAGE));
            if (total + page.size() > MAX_EXPORT_ROWS) {
                throw new RuleViolation("audit.export.tooMany", MAX_EXPORT_ROWS);
            }
            page.forEach(sink);
            total += page.size();
            if (!page.isEmpty()) {
                below = page.get(page.size() - 1).getId();
            }
            entities.clear();
        } while (page.size() == EXPORT_PAGE);
        events.publishEvent(new AuditEvent(currentUser.username(), EXPORTED, "audit_log", null, null,
                Snapshots.json(filter), total + " rows"));
        return (int) total;
    }

    /** The filter as query parameters: blanks are "any", and an empty action list matches every action. */
    private record Query(String actor, boolean anyAction, Set<String> actions, String targetType, String targetId,
                         LocalDateTime from, LocalDateTime to) {

        static Query of(AuditFilter f) {
            Set<String> actions = f.actions().stream().filter(a -> a != null && !a.isBlank()).map(String::strip)
                    .collect(java.util.stream.Collectors.toSet());
            // an empty IN list is not valid SQL: the flag makes the placeholder harmless
            return new Query(blankToNull(f.actor()), actions.isEmpty(), actions.isEmpty() ? Set.of("") : actions,
                    blankToNull(f.targetType()), blankToNull(f.targetId()),
                    f.from() == null ? null : f.from().atStartOfDay(),
                    f.to() == null ? null : f.to().plusDays(1).atStartOfDay());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String clientIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
