-- Channel systems (12345 platform, app, WeChat ...) that call the intake API and Open311 with an API key (issue 5).
CREATE TABLE channel_system (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    code         VARCHAR(32)  NOT NULL,
    name         VARCHAR(100) NOT NULL,
    channel      VARCHAR(20)  NOT NULL,
    callback_url VARCHAR(500),
    hmac_secret  VARCHAR(128),
    active       BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at   DATETIME(6)  NOT NULL,
    CONSTRAINT uq_channel_system_code UNIQUE (code)
);

-- API keys: only the SHA-256 of the key is kept; the key itself is shown once when it is created.
CREATE TABLE channel_api_key (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    channel_system_id BIGINT      NOT NULL,
    key_prefix        VARCHAR(12) NOT NULL,
    key_hash          CHAR(64)    NOT NULL,
    label             VARCHAR(100),
    created_at        DATETIME(6) NOT NULL,
    created_by        VARCHAR(64) NOT NULL,
    revoked_at        DATETIME(6),
    revoked_by        VARCHAR(64),
    CONSTRAINT uq_channel_api_key_hash UNIQUE (key_hash),
    CONSTRAINT fk_channel_api_key_system FOREIGN KEY (channel_system_id) REFERENCES channel_system (id)
);

-- Idempotency-Key (IETF draft): per channel, the request's hash, its state and the response to replay.
CREATE TABLE api_idempotency_key (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    channel_code    VARCHAR(32)  NOT NULL,
    idem_key        VARCHAR(255) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    response_status INT,
    response_body   MEDIUMTEXT,
    created_at      DATETIME(6)  NOT NULL,
    expires_at      DATETIME(6)  NOT NULL,
    CONSTRAINT uq_api_idempotency UNIQUE (channel_code, idem_key)
);
