package org.civitas.cases;

import java.time.LocalDateTime;

public record RequestView(Long id, Long caseId, RequestKind kind, String unitCode, String reason, String legalBasis,
                          LocalDateTime requestedDue, String requestedBy, LocalDateTime requestedAt,
                          RequestState state, String decidedBy, LocalDateTime decidedAt, String decisionNote,
                          String targetUnitCode) {
}
