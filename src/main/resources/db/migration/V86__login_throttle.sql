-- Failed logins slow down instead of locking the account (docs/decisions/DD021-login-throttling.md): a lock that
-- anyone who knows a login name could set is gone, and with it the account's counter and lock time.
ALTER TABLE app_user
    DROP COLUMN failed_logins,
    DROP COLUMN locked_until;

-- Failed logins in a row per (account, client address), per account and per address: how many since the last
-- pause, and when the last one was (epoch milliseconds). Keys are prefixed by what they count (P|, A|, X|); names
-- are whatever was typed, known or not, so that an unknown name is throttled exactly like a real one.
CREATE TABLE login_failure (
    failure_key     VARCHAR(160) NOT NULL PRIMARY KEY,
    failures        INT          NOT NULL,
    last_failure_at BIGINT       NOT NULL,
    INDEX ix_login_failure_last (last_failure_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
