-- Months of the audit log copied to archive files (audit/AuditArchive). The rows stay in audit_log.
CREATE TABLE audit_archive (
    month       CHAR(7)      NOT NULL PRIMARY KEY,
    file_name   VARCHAR(200) NOT NULL,
    row_count   BIGINT       NOT NULL,
    first_seq   BIGINT,
    last_seq    BIGINT,
    last_hash   CHAR(64),
    file_sha256 CHAR(64)     NOT NULL,
    archived_at DATETIME(6)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
