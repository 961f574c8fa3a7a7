-- The citizen's tracking code (查询码): six random characters given to the complainant at registration, asked for
-- on the public tracking page instead of the phone's last four digits. Cases registered before stay without one:
-- their complainants were never told a code, so they keep tracking with the last four digits (under a stricter lock).
ALTER TABLE case_file
    ADD COLUMN tracking_code VARCHAR(6) CHARACTER SET ascii COLLATE ascii_bin NULL;

-- Wrong codes per case number (the normalised number, whether or not such a case exists), counted across every
-- address and node. After the allowance the number pauses; each further pause lasts twice as long.
CREATE TABLE track_lock (
    number       VARCHAR(24) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    strikes      INT    NOT NULL,
    locks        INT    NOT NULL,
    locked_until BIGINT NULL,
    last_at      BIGINT NOT NULL
);
