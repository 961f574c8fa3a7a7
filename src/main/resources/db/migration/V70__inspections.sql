-- Field inspections (实地检查/暗访): rounds, findings, rectification notices (整改通知单), their photos and the
-- history of every change. Plain SQL tables read and written by org.civitas.inspection with JDBC.

CREATE TABLE inspection_round (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    number      VARCHAR(24)  NOT NULL,
    title       VARCHAR(200) NOT NULL,
    starts_on   DATE         NOT NULL,
    ends_on     DATE         NOT NULL,
    team        VARCHAR(500) NOT NULL,
    districts   VARCHAR(500) NOT NULL,
    place_types VARCHAR(500) NOT NULL,
    places      TEXT,
    created_by  VARCHAR(64)  NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_inspection_round_number UNIQUE (number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE rectification_notice (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    number        VARCHAR(24)  NOT NULL,
    round_id      BIGINT       NOT NULL,
    unit_code     VARCHAR(16)  NOT NULL,
    state         VARCHAR(16)  NOT NULL,
    issued_at     DATETIME(6)  NOT NULL,
    due_at        DATETIME(6)  NOT NULL,
    current_due_at DATETIME(6) NOT NULL,
    answer_text   TEXT,
    answered_by   VARCHAR(64),
    answered_at   DATETIME(6),
    first_answered_at DATETIME(6),
    failed_at     DATETIME(6),
    overdue_notified_at DATETIME(6),
    version       BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_rectification_notice_number UNIQUE (number),
    CONSTRAINT uq_rectification_notice_round_unit UNIQUE (round_id, unit_code),
    INDEX ix_rectification_notice_unit (unit_code, state),
    INDEX ix_rectification_notice_due (state, current_due_at),
    CONSTRAINT fk_notice_round FOREIGN KEY (round_id) REFERENCES inspection_round (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE inspection_finding (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    round_id      BIGINT       NOT NULL,
    item_code     VARCHAR(16)  NOT NULL,
    item_name     VARCHAR(200) NOT NULL,
    place_type    VARCHAR(24)  NOT NULL,
    district_code VARCHAR(16)  NOT NULL,
    street_code   VARCHAR(16),
    address       VARCHAR(300) NOT NULL,
    note          TEXT,
    unit_code     VARCHAR(16)  NOT NULL,
    co_units      VARCHAR(200),
    state         VARCHAR(16)  NOT NULL,
    notice_id     BIGINT,
    case_number   VARCHAR(24),
    reinspected_by VARCHAR(64),
    reinspected_at DATETIME(6),
    reinspection_note TEXT,
    recorded_by   VARCHAR(64)  NOT NULL,
    recorded_at   DATETIME(6)  NOT NULL,
    INDEX ix_inspection_finding_round (round_id),
    INDEX ix_inspection_finding_notice (notice_id),
    CONSTRAINT fk_finding_round FOREIGN KEY (round_id) REFERENCES inspection_round (id),
    CONSTRAINT fk_finding_notice FOREIGN KEY (notice_id) REFERENCES rectification_notice (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Photos of findings (FINDING) and of a unit's answer (ANSWER); the same rules as case photos.
CREATE TABLE inspection_photo (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    owner_kind   VARCHAR(16)  NOT NULL,
    owner_id     BIGINT       NOT NULL,
    file_name    VARCHAR(200) NOT NULL,
    content_type VARCHAR(64)  NOT NULL,
    size_bytes   INT          NOT NULL,
    data         MEDIUMBLOB   NOT NULL,
    uploaded_by  VARCHAR(64)  NOT NULL,
    uploaded_at  DATETIME(6)  NOT NULL,
    INDEX ix_inspection_photo_owner (owner_kind, owner_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Append-only history of rounds, findings and notices: who did what, when.
CREATE TABLE inspection_history (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    target_type VARCHAR(16)  NOT NULL,
    target_id   BIGINT       NOT NULL,
    action      VARCHAR(32)  NOT NULL,
    actor       VARCHAR(64)  NOT NULL,
    at          DATETIME(6)  NOT NULL,
    note        TEXT,
    INDEX ix_inspection_history_target (target_type, target_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
