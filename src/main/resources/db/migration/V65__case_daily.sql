-- Half-monthly analysis (issue 6): daily aggregates of case_file, kept exactly equal to the raw figures.
-- One row per received day and combination of district, street, category, item, lead unit and channel ('' = none).
-- Counts cover the cases of that received day except INVALID and MERGED ones. A day is recomputed whole by one
-- idempotent statement (CaseDaily.refresh); a change to a case marks its received day in case_daily_dirty.
CREATE TABLE case_daily (
    day               DATE        NOT NULL,
    district_code     VARCHAR(16) NOT NULL,
    street_code       VARCHAR(16) NOT NULL,
    category_code     VARCHAR(8)  NOT NULL,
    item_code         VARCHAR(16) NOT NULL,
    unit_code         VARCHAR(16) NOT NULL,
    channel           VARCHAR(16) NOT NULL,
    received          INT         NOT NULL,
    sign_known        INT         NOT NULL,
    signed_on_time    INT         NOT NULL,
    replied           INT         NOT NULL,
    replied_on_time   INT         NOT NULL,
    rated             INT         NOT NULL,
    satisfied         INT         NOT NULL,
    solved_known      INT         NOT NULL,
    solved            INT         NOT NULL,
    PRIMARY KEY (day, district_code, street_code, category_code, item_code, unit_code, channel)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE case_daily_dirty (
    day DATE NOT NULL PRIMARY KEY
) ENGINE=InnoDB;
