package org.civitas.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDateTime;
import org.civitas.security.AppRoles;
import org.springframework.context.event.EventListener;
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

    private final AuditRepository repository;
    private final Clock clock;

    AuditService(AuditRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Joins the publisher's transaction, so the audited change and its row are one unit. */
    @EventListener
    @Transactional(propagation = Propagation.REQUIRED)
    void on(AuditEvent event) {
        repository.save(new AuditEntry(LocalDateTime.now(clock), event, clientIp()));
    }

    @PreAuthorize("hasRole('" + AppRoles.AUDITOR + "')")
    @Transactional(readOnly = true)
    public Slice<AuditEntry> search(AuditFilter filter, Pageable page) {
        return repository.search(blankToNull(filter.actor()), blankToNull(filter.action()),
                filter.from() == null ? null : filter.from().atStartOfDay(),
                filter.to() == null ? null : filter.to().plusDays(1).atStartOfDay(), page);
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
