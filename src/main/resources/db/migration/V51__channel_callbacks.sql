-- The last status of each channel case that a callback was queued for: a save that leaves the status alone
-- queues nothing.
CREATE TABLE channel_callback_state (
    case_id    BIGINT      NOT NULL PRIMARY KEY,
    status     VARCHAR(32) NOT NULL,
    updated_at DATETIME(6) NOT NULL
);
