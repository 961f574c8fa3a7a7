-- The inbox views a user saved under a name (DD034): the filter as the inbox writes it into its address, the sort
-- (an InboxOrder name, NULL: the role's own order) and the visible columns (NULL: leave them as they are). Names are
-- unique per user; the index also serves the one query, a user's views by name.
CREATE TABLE inbox_view (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username        VARCHAR(64)  NOT NULL,
    name            VARCHAR(20)  NOT NULL,
    query_string    VARCHAR(1000) NOT NULL,
    sort_order      VARCHAR(20)  NULL,
    visible_columns VARCHAR(500) NULL,
    UNIQUE KEY uq_inbox_view_name (username, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
