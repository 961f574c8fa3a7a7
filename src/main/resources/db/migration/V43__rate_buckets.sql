-- The public pages' rate limits (citizen/PublicLimits): token buckets shared by every app node.
CREATE TABLE rate_bucket (
    bucket_key  VARCHAR(96) NOT NULL PRIMARY KEY,
    tokens      DOUBLE      NOT NULL,
    updated_at  BIGINT      NOT NULL,
    full_at     BIGINT      NOT NULL,
    INDEX ix_rate_bucket_full (full_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
