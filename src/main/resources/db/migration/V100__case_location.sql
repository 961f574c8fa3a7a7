-- Where a case happened, for the city map (docs/decisions/DD071-city-map.md).
-- location_approximate: the coordinates are the centre of the case's street or district, not the reported point
-- (a report without coordinates); the duplicate finder's 50 m rule must not read them as a place.
-- ix_case_received_point covers the heat layer's grouping of a period's cases into grid cells: one range of
-- received_at, read from the index alone (no row lookups), whatever the table's size.
ALTER TABLE case_file
    ADD COLUMN location_approximate BOOLEAN NOT NULL DEFAULT FALSE,
    ADD INDEX ix_case_received_point (received_at, status, latitude, longitude);
