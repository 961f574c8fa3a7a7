-- Automatic dispatch of channel reports without an item (DD051). One row: whether the system may classify and
-- dispatch alone, and how sure the classifier and the place must be. Off until a supervisor switches it on.
CREATE TABLE classifier_setting (
    id              TINYINT       NOT NULL PRIMARY KEY,
    auto_dispatch   BOOLEAN       NOT NULL,
    threshold       DECIMAL(4, 3) NOT NULL,
    place_threshold DECIMAL(4, 3) NOT NULL,
    updated_at      DATETIME(6)   NULL,
    updated_by      VARCHAR(64)   NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO classifier_setting (id, auto_dispatch, threshold, place_threshold) VALUES (1, FALSE, 0.980, 0.850);

-- The suggestion shown (or acted on) for a case beside the item a person or the system finally chose: accuracy in
-- service, the confused pairs and what a threshold would have meant are read from here. No foreign key to
-- case_file: the record is the classifier's own, and a case deleted (tests, purges) leaves a harmless row.
CREATE TABLE classification_record (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id          BIGINT        NOT NULL,
    recorded_at      DATETIME(6)   NOT NULL,
    source           VARCHAR(16)   NOT NULL,
    model_version    BIGINT        NOT NULL,
    item1            VARCHAR(32)   NULL,
    score1           DECIMAL(4, 3) NULL,
    item2            VARCHAR(32)   NULL,
    score2           DECIMAL(4, 3) NULL,
    item3            VARCHAR(32)   NULL,
    score3           DECIMAL(4, 3) NULL,
    district_code    VARCHAR(32)   NULL,
    place_confidence DECIMAL(4, 3) NULL,
    emergency_words  VARCHAR(200)  NULL,
    auto_dispatched  BOOLEAN       NOT NULL,
    chosen_item      VARCHAR(32)   NULL,
    chosen_at        DATETIME(6)   NULL,
    chosen_by        VARCHAR(64)   NULL,
    UNIQUE KEY uq_classification_record_case (case_id),
    INDEX ix_classification_record_at (recorded_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
