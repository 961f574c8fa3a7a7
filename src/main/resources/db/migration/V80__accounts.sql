-- Accounts (等保 2.0 level 3): forced password change, password history, TOTP second factor.
-- demo: created by DemoUsers on the embedded database; the civitas.demo.* properties may exempt such users from
-- forced password changes and from TOTP.
ALTER TABLE app_user
    ADD COLUMN must_change_password BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN demo                 BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN totp_secret          VARCHAR(255),
    ADD COLUMN totp_enabled         BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN totp_last_step       BIGINT;

-- Hashes of earlier passwords, so that a new password differs from the last N.
CREATE TABLE app_user_password_history (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id       BIGINT       NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    changed_at    DATETIME(6)  NOT NULL,
    INDEX ix_password_history_user (user_id, id),
    CONSTRAINT fk_password_history_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
