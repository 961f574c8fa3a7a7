-- Open311's media_url: a link to a photo the filing system holds, kept as a link in its own column (never fetched).
-- At the end of the table, so that MariaDB adds it in place without copying the cases.
ALTER TABLE case_file ADD COLUMN media_url VARCHAR(1000) NULL;
