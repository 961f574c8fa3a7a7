-- The inbox columns a user has hidden or shown against the defaults, by column key, so the choice follows the user
-- to any browser. One row per user and grid; a user who never chose has no row.
CREATE TABLE grid_columns (
    username VARCHAR(64)  NOT NULL,
    grid     VARCHAR(32)  NOT NULL,
    visible  VARCHAR(500) NOT NULL,
    PRIMARY KEY (username, grid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
