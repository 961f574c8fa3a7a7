-- The last successful run of each cluster-wide job (the deadline sweep): one row per job, written by whichever node
-- ran it, read by every node's health check and metrics (docs/operations.md). Nodes take turns through ShedLock, so
-- only the database knows when the job last ran anywhere.
CREATE TABLE job_run (
    name        VARCHAR(64)  NOT NULL PRIMARY KEY,
    finished_at DATETIME(6)  NOT NULL,
    millis      BIGINT       NOT NULL,
    node        VARCHAR(100) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
