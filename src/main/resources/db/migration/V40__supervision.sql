-- Supervision (跟踪督办, DESIGN §5): reminders (催办) and supervision orders (督办) on cases, the marks the deadline
-- sweep leaves on a case, and ShedLock's lock table so that the sweep runs once per tick across app nodes.

-- When the sweep noted the case entering its warning window and going overdue. A mark counts only for the current
-- deadline: a later dispatch (dispatched_at after the mark) or a deadline moved past the mark makes it stale, so a
-- re-dispatched or extended case is warned and reminded again. CaseFile does not map these columns.
ALTER TABLE case_file
    ADD COLUMN warning_noted_at DATETIME(6),
    ADD COLUMN overdue_noted_at DATETIME(6),
    ADD INDEX ix_case_status_warn (status, warn_at, id);

CREATE TABLE supervision_order (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id      BIGINT        NOT NULL,
    case_number  VARCHAR(24)   NOT NULL,
    unit_code    VARCHAR(16)   NOT NULL,
    level        VARCHAR(16)   NOT NULL,
    reason       VARCHAR(1000) NOT NULL,
    issued_by    VARCHAR(64)   NOT NULL,
    issued_at    DATETIME(6)   NOT NULL,
    due_at       DATETIME(6),
    -- the case's handling deadline when the order was issued: an automatic order is issued once per deadline
    case_due_at  DATETIME(6),
    auto         BOOLEAN       NOT NULL DEFAULT FALSE,
    state        VARCHAR(16)   NOT NULL,
    answer       TEXT,
    answered_by  VARCHAR(64),
    answered_at  DATETIME(6),
    closed_by    VARCHAR(64),
    closed_at    DATETIME(6),
    close_note   VARCHAR(1000),
    version      BIGINT        NOT NULL DEFAULT 0,
    INDEX ix_supervision_case (case_id, level, auto, issued_at),
    INDEX ix_supervision_unit (unit_code, state, id),
    INDEX ix_supervision_state (state, level, id),
    INDEX ix_supervision_issued (issued_at, id),
    CONSTRAINT fk_supervision_case FOREIGN KEY (case_id) REFERENCES case_file (id),
    CONSTRAINT fk_supervision_unit FOREIGN KEY (unit_code) REFERENCES unit (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ShedLock's table (its documented MySQL/MariaDB layout).
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP(3) NOT NULL,
    locked_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    locked_by  VARCHAR(255) NOT NULL
) ENGINE=InnoDB;
