-- The case (工单) and everything recorded on it. Deadlines live on the row so boards and rankings are plain SQL.

CREATE TABLE case_number_seq (
    day  DATE NOT NULL PRIMARY KEY,
    last INT  NOT NULL
) ENGINE=InnoDB;

CREATE TABLE case_file (
    id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    number             VARCHAR(24)  NOT NULL,
    channel            VARCHAR(16)  NOT NULL,
    channel_ref        VARCHAR(64),
    received_at        DATETIME(6)  NOT NULL,
    complainant_name   VARCHAR(64),
    complainant_phone  VARCHAR(20),
    anonymous          BOOLEAN      NOT NULL DEFAULT FALSE,
    district_code      VARCHAR(16),
    street_code        VARCHAR(16),
    address            VARCHAR(200) NOT NULL,
    latitude           DECIMAL(9, 6),
    longitude          DECIMAL(9, 6),
    description        TEXT         NOT NULL,
    list_item_id       BIGINT,
    list_version_id    BIGINT,
    item_code          VARCHAR(16),
    category_code      VARCHAR(8),
    urgency            VARCHAR(16),
    lead_unit_code     VARCHAR(16),
    handling_unit_code VARCHAR(16),
    status             VARCHAR(20)  NOT NULL,
    dispatched_at      DATETIME(6),
    signed_at          DATETIME(6),
    replied_at         DATETIME(6),
    closed_at          DATETIME(6),
    sign_due_at        DATETIME(6),
    handle_due_at      DATETIME(6),
    warn_at            DATETIME(6),
    signed_on_time     BOOLEAN,
    replied_on_time    BOOLEAN,
    reply_outcome      VARCHAR(20),
    reply_text         TEXT,
    reply_accepted     BOOLEAN      NOT NULL DEFAULT FALSE,
    rating             VARCHAR(24),
    solved             BOOLEAN,
    rated_at           DATETIME(6),
    close_reason       VARCHAR(24),
    close_note         VARCHAR(500),
    reopen_count       INT          NOT NULL DEFAULT 0,
    master_case_id     BIGINT,
    created_by         VARCHAR(64)  NOT NULL,
    version            BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_case_number UNIQUE (number),
    CONSTRAINT uq_case_channel_ref UNIQUE (channel, channel_ref),
    CONSTRAINT fk_case_item FOREIGN KEY (list_item_id) REFERENCES list_item (id),
    CONSTRAINT fk_case_district FOREIGN KEY (district_code) REFERENCES unit (code),
    CONSTRAINT fk_case_street FOREIGN KEY (street_code) REFERENCES unit (code),
    CONSTRAINT fk_case_lead FOREIGN KEY (lead_unit_code) REFERENCES unit (code),
    CONSTRAINT fk_case_handling FOREIGN KEY (handling_unit_code) REFERENCES unit (code),
    CONSTRAINT fk_case_master FOREIGN KEY (master_case_id) REFERENCES case_file (id),
    INDEX ix_case_status_due (status, handle_due_at, id),
    INDEX ix_case_lead_due (lead_unit_code, status, handle_due_at, id),
    INDEX ix_case_handling_due (handling_unit_code, status, handle_due_at, id),
    INDEX ix_case_district_due (district_code, handle_due_at, id),
    INDEX ix_case_due (handle_due_at, id),
    INDEX ix_case_received (received_at, id),
    INDEX ix_case_phone (complainant_phone),
    INDEX ix_case_item_street (item_code, street_code, received_at),
    INDEX ix_case_category (category_code, handle_due_at, id),
    INDEX ix_case_master (master_case_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE case_co_unit (
    case_id   BIGINT      NOT NULL,
    unit_code VARCHAR(16) NOT NULL,
    PRIMARY KEY (case_id, unit_code),
    INDEX ix_case_co_unit_unit (unit_code, case_id),
    CONSTRAINT fk_case_co_unit_case FOREIGN KEY (case_id) REFERENCES case_file (id),
    CONSTRAINT fk_case_co_unit_unit FOREIGN KEY (unit_code) REFERENCES unit (code)
) ENGINE=InnoDB;

-- Who did what to the case and when: appended in the transaction of every change, never edited.
CREATE TABLE case_history (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id     BIGINT       NOT NULL,
    at          DATETIME(6)  NOT NULL,
    actor       VARCHAR(64)  NOT NULL,
    action      VARCHAR(24)  NOT NULL,
    from_status VARCHAR(20),
    to_status   VARCHAR(20)  NOT NULL,
    unit_code   VARCHAR(16),
    note        TEXT,
    internal    BOOLEAN      NOT NULL DEFAULT FALSE,
    INDEX ix_case_history_case (case_id, id),
    CONSTRAINT fk_case_history_case FOREIGN KEY (case_id) REFERENCES case_file (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Photos live in the database so that every app node sees every upload.
CREATE TABLE case_photo (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id      BIGINT       NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    file_name    VARCHAR(200) NOT NULL,
    content_type VARCHAR(64)  NOT NULL,
    size_bytes   INT          NOT NULL,
    data         MEDIUMBLOB   NOT NULL,
    uploaded_by  VARCHAR(64)  NOT NULL,
    uploaded_at  DATETIME(6)  NOT NULL,
    INDEX ix_case_photo_case (case_id),
    CONSTRAINT fk_case_photo_case FOREIGN KEY (case_id) REFERENCES case_file (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Extension (延期) and return (退单) requests: records of their own with their own approval state.
CREATE TABLE case_request (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id         BIGINT       NOT NULL,
    kind            VARCHAR(16)  NOT NULL,
    unit_code       VARCHAR(16)  NOT NULL,
    reason          VARCHAR(1000) NOT NULL,
    legal_basis     VARCHAR(300),
    requested_due   DATETIME(6),
    requested_by    VARCHAR(64)  NOT NULL,
    requested_at    DATETIME(6)  NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    decided_by      VARCHAR(64),
    decided_at      DATETIME(6),
    decision_note   VARCHAR(1000),
    target_unit_code VARCHAR(16),
    version         BIGINT       NOT NULL DEFAULT 0,
    INDEX ix_case_request_case (case_id, id),
    INDEX ix_case_request_pending (state, kind, requested_at),
    CONSTRAINT fk_case_request_case FOREIGN KEY (case_id) REFERENCES case_file (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
