package org.civitas.inspection;

import java.time.LocalDateTime;

/** A unit received a rectification notice. */
public record NoticeIssued(long noticeId, String number, String unitCode, LocalDateTime dueAt) {
}
