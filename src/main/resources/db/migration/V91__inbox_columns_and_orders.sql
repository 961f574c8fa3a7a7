-- The inbox columns a user has hidden or shown against the defaults, by column key, so the choice follows the user
-- to any browser. One row per user and grid; a user who never chose has no row.
CREATE TABLE grid_columns (
    username VARCHAR(64)  NOT NULL,
    grid     VARCHAR(32)  NOT NULL,
    visible  VARCHAR(500) NOT NULL,
    PRIMARY KEY (username, grid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The inbox's open cases sorted by receipt or by number, a state at a time (as the deadline order reads them through
-- ix_case_status_due): each state's range is then read in order and only as far as the page, instead of every open
-- case of the state being read and sorted on each page (DD034). Built online.
ALTER TABLE case_file
    ADD INDEX ix_case_status_received (status, received_at, id),
    ADD INDEX ix_case_status_number (status, number),
    ALGORITHM=INPLACE, LOCK=NONE;
