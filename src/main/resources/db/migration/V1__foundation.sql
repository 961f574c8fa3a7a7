-- Reference data, users and the audit log. Enums are stored as strings, never ordinals.

CREATE TABLE category (
    code        VARCHAR(8)   NOT NULL PRIMARY KEY,
    name        VARCHAR(64)  NOT NULL,
    sort_order  INT          NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE unit (
    code        VARCHAR(16)  NOT NULL PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    peer_group  VARCHAR(24),
    parent_code VARCHAR(16),
    active      BOOLEAN      NOT NULL DEFAULT TRUE,
    version     BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT fk_unit_parent FOREIGN KEY (parent_code) REFERENCES unit (code),
    INDEX ix_unit_kind (kind, code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The list changes every year; a case keeps the version it was dispatched under.
CREATE TABLE list_version (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    label          VARCHAR(64)  NOT NULL,
    effective_from DATE         NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    created_by     VARCHAR(64)  NOT NULL,
    CONSTRAINT uq_list_version_effective UNIQUE (effective_from)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE list_item (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    list_version_id BIGINT       NOT NULL,
    code            VARCHAR(16)  NOT NULL,
    category_code   VARCHAR(8)   NOT NULL,
    name            VARCHAR(100) NOT NULL,
    description     VARCHAR(500) NOT NULL,
    urgency         VARCHAR(16)  NOT NULL,
    time_limit      INT          NOT NULL,
    time_unit       VARCHAR(16)  NOT NULL,
    responsibility  VARCHAR(16)  NOT NULL,
    lead_unit_code  VARCHAR(16),
    legal_basis     VARCHAR(200),
    version         BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_list_item_code UNIQUE (list_version_id, code),
    CONSTRAINT fk_list_item_version FOREIGN KEY (list_version_id) REFERENCES list_version (id),
    CONSTRAINT fk_list_item_category FOREIGN KEY (category_code) REFERENCES category (code),
    CONSTRAINT fk_list_item_lead_unit FOREIGN KEY (lead_unit_code) REFERENCES unit (code),
    CONSTRAINT ck_list_item_limit CHECK (time_limit > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Only the exceptions to the week: official holidays and make-up working days (调休补班).
CREATE TABLE calendar_day (
    day     DATE        NOT NULL PRIMARY KEY,
    kind    VARCHAR(16) NOT NULL,
    name    VARCHAR(32) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE app_user (
    id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username            VARCHAR(64)  NOT NULL,
    display_name        VARCHAR(64)  NOT NULL,
    password_hash       VARCHAR(100) NOT NULL,
    unit_code           VARCHAR(16),
    enabled             BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_logins       INT          NOT NULL DEFAULT 0,
    locked_until        DATETIME(6),
    password_changed_at DATETIME(6)  NOT NULL,
    created_at          DATETIME(6)  NOT NULL,
    version             BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_app_user_username UNIQUE (username),
    CONSTRAINT fk_app_user_unit FOREIGN KEY (unit_code) REFERENCES unit (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE app_user_role (
    user_id BIGINT      NOT NULL,
    role    VARCHAR(16) NOT NULL,
    PRIMARY KEY (user_id, role),
    CONSTRAINT fk_app_user_role_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Append-only: the application inserts and reads, never updates or deletes.
CREATE TABLE audit_log (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    at          DATETIME(6)  NOT NULL,
    actor       VARCHAR(64)  NOT NULL,
    action      VARCHAR(48)  NOT NULL,
    target_type VARCHAR(32),
    target_id   VARCHAR(64),
    before_data TEXT,
    after_data  TEXT,
    detail      VARCHAR(500),
    client_ip   VARCHAR(45),
    INDEX ix_audit_at (at),
    INDEX ix_audit_actor (actor, at),
    INDEX ix_audit_action (action, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
