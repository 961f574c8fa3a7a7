package org.civitas.inspection;

import java.time.LocalDateTime;

/**
 * A rectification notice: {@code dueAt} is the first deadline, {@code currentDueAt} the one in force (moved by a
 * failed re-inspection).
 */
public record NoticeRow(long id, String number, long roundId, String roundNumber, String unitCode,
                        NoticeState state, LocalDateTime issuedAt, LocalDateTime dueAt, LocalDateTime currentDueAt,
                        String answerText, LocalDateTime answeredAt, long version) {

    public boolean overdue(LocalDateTime now) {
        return (state == NoticeState.ISSUED || state == NoticeState.FAILED) && !now.isBefore(currentDueAt);
    }
}
