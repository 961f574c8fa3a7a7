package org.civitas.inspection;

import java.time.LocalDateTime;

/** A notice passed its deadline without an answer (or without a new answer after a failed re-inspection). */
public record NoticeOverdue(long noticeId, String number, String unitCode, LocalDateTime dueAt) {
}
