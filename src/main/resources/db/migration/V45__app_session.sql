-- Who is signed in where (security/JdbcSessionRegistry): shared by every app node, so a user ends a session held by
-- another node and the security administrator sees all of them.
CREATE TABLE app_session (
    session_id   VARCHAR(100) NOT NULL PRIMARY KEY,
    username     VARCHAR(64)  NOT NULL,
    node         VARCHAR(32),
    last_request DATETIME(6)  NOT NULL,
    expired      BOOLEAN      NOT NULL DEFAULT FALSE,
    INDEX ix_app_session_user (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
