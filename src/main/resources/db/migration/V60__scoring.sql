-- Scoring (评分计分, DESIGN §5): the rules as data, versioned by month, and the frozen figures of published
-- monthly bulletins (每月通报). Live scores are computed with grouped SQL over case_file; a published month is read
-- from the snapshot only, so later data (late ratings, reopens) never changes a bulletin.

-- A rule set applies from its month on until a newer one. Weights are points out of 100; deductions are points per fact.
CREATE TABLE scoring_rule_set (
    effective_month           DATE          NOT NULL PRIMARY KEY,
    weight_sign               INT           NOT NULL,
    weight_on_time            INT           NOT NULL,
    weight_satisfaction       INT           NOT NULL,
    weight_solved             INT           NOT NULL,
    per_supervision_order     DECIMAL(5, 2) NOT NULL,
    per_reopen                DECIMAL(5, 2) NOT NULL,
    per_overdue_emergency     DECIMAL(5, 2) NOT NULL,
    per_rectification_not_met DECIMAL(5, 2) NOT NULL,
    per_return_rejected       DECIMAL(5, 2) NOT NULL,
    min_cases                 INT           NOT NULL,
    good_band                 INT           NOT NULL,
    failing_band              INT           NOT NULL,
    updated_by                VARCHAR(64)   NOT NULL,
    updated_at                DATETIME(6)   NOT NULL
) ENGINE=InnoDB;

INSERT INTO scoring_rule_set VALUES ('2000-01-01', 10, 30, 40, 20, 2.00, 1.00, 2.00, 3.00, 0.50, 5, 85, 75,
                                     'system', '2000-01-01 00:00:00');

CREATE TABLE scoring_bulletin (
    month            DATE        NOT NULL PRIMARY KEY,
    rules_month      DATE        NOT NULL,
    published_by     VARCHAR(64) NOT NULL,
    published_at     DATETIME(6) NOT NULL
) ENGINE=InnoDB;

CREATE TABLE scoring_bulletin_score (
    month            DATE          NOT NULL,
    unit_code        VARCHAR(16)   NOT NULL,
    unit_name        VARCHAR(100)  NOT NULL,
    peer_group       VARCHAR(24)   NOT NULL,
    cases            INT           NOT NULL,
    signed_ok        INT           NOT NULL,
    sign_base        INT           NOT NULL,
    replied_ok       INT           NOT NULL,
    on_time_base     INT           NOT NULL,
    satisfied        INT           NOT NULL,
    rated            INT           NOT NULL,
    solved           INT           NOT NULL,
    solved_base      INT           NOT NULL,
    deduction_points DECIMAL(7, 2) NOT NULL,
    score            DECIMAL(6, 2) NOT NULL,
    ranked           BOOLEAN       NOT NULL,
    peer_rank        INT,
    band             VARCHAR(8)    NOT NULL,
    PRIMARY KEY (month, unit_code),
    CONSTRAINT fk_bulletin_score_month FOREIGN KEY (month) REFERENCES scoring_bulletin (month)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE scoring_bulletin_deduction (
    id         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    month      DATE          NOT NULL,
    unit_code  VARCHAR(16)   NOT NULL,
    kind       VARCHAR(32)   NOT NULL,
    case_id    BIGINT,
    reference  VARCHAR(64),
    at         DATETIME(6),
    points     DECIMAL(5, 2) NOT NULL,
    INDEX ix_bulletin_deduction_unit (month, unit_code, id),
    CONSTRAINT fk_bulletin_deduction_month FOREIGN KEY (month) REFERENCES scoring_bulletin (month)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The month's top problem items as published (public statistics page).
CREATE TABLE scoring_bulletin_item (
    month     DATE         NOT NULL,
    item_code VARCHAR(16)  NOT NULL,
    item_name VARCHAR(200) NOT NULL,
    cases     INT          NOT NULL,
    PRIMARY KEY (month, item_code),
    CONSTRAINT fk_bulletin_item_month FOREIGN KEY (month) REFERENCES scoring_bulletin (month)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Reopens and rejected returns of a month are read from the history by action and time.
CREATE INDEX ix_case_history_action_at ON case_history (action, at, case_id);

-- A month's scores read every case received in it: this index covers the columns they count, so the month is one
-- range of the index and no row of the table is read (measured: 330,000 cases in a month, about a month of a
-- 20-million-case table, 4 s through ix_case_received and the rows, see ScoringLoadTest).
CREATE INDEX ix_case_month_scores ON case_file (received_at, lead_unit_code, status, urgency, signed_on_time,
    signed_at, sign_due_at, replied_on_time, replied_at, handle_due_at, rating, solved);
