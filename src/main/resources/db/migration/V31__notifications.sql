-- Notifications for users (the bell) and the outbox of messages to send (e-mail, SMS, channel callbacks).
-- Both are written in the transaction of the change that causes them, so nothing is lost and nothing is sent
-- for a change that rolled back.

ALTER TABLE app_user ADD COLUMN email VARCHAR(120);

CREATE TABLE notification (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    recipient     VARCHAR(64)  NOT NULL,
    kind          VARCHAR(32)  NOT NULL,
    case_id       BIGINT,
    case_number   VARCHAR(24),
    message_key   VARCHAR(64)  NOT NULL,
    message_args  VARCHAR(500),
    created_at    DATETIME(6)  NOT NULL,
    read_at       DATETIME(6),
    INDEX ix_notification_recipient (recipient, read_at, id),
    INDEX ix_notification_case (case_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE outbox_message (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    channel         VARCHAR(16)  NOT NULL,
    recipient       VARCHAR(200) NOT NULL,
    subject         VARCHAR(200),
    body            TEXT         NOT NULL,
    notification_id BIGINT,
    state           VARCHAR(16)  NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6)  NOT NULL,
    last_error      VARCHAR(500),
    created_at      DATETIME(6)  NOT NULL,
    sent_at         DATETIME(6),
    version         BIGINT       NOT NULL DEFAULT 0,
    INDEX ix_outbox_due (state, next_attempt_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
