-- Repeated addresses of the half-monthly analysis (issue 7), from an aggregate instead of case_file: reading a half
-- month of cases by receipt time touched ~116 k scattered rows of a 31 GB table (2.3 s at 13.2 M cases).
-- One row per received day and district, street and address ('' = none), counting the cases of that day except
-- INVALID and MERGED ones, exactly as case_daily does; CaseDaily.refresh recomputes both tables for a day in one
-- transaction. Not a column of case_daily: the address would split its rows almost per case.
-- half_month (the 1st or the 16th) leads the key so that one half month is one range read in the order of its
-- GROUP BY (district, street, address): the sum over its days streams without a temporary table.
CREATE TABLE case_daily_address (
    half_month    DATE         NOT NULL,
    district_code VARCHAR(16)  NOT NULL,
    street_code   VARCHAR(16)  NOT NULL,
    address       VARCHAR(200) NOT NULL,
    day           DATE         NOT NULL,
    cases         INT          NOT NULL,
    PRIMARY KEY (half_month, district_code, street_code, address, day),
    INDEX ix_case_daily_address_day (day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every day already received: the statement of CaseDaily.REFRESH_ADDRESSES over the whole table, one scan of
-- case_file (14 s for 612,000 cases on the bench server, so minutes at 20 M). Where one place is spelt two ways
-- that the collation holds equal on one day, the row keeps the spelling of the lower id here and of the earlier
-- receipt after a refresh of that day; the counts are the same.
INSERT INTO case_daily_address (half_month, district_code, street_code, address, day, cases)
SELECT CAST(received_at AS DATE) - INTERVAL (DAYOFMONTH(received_at) - IF(DAYOFMONTH(received_at) > 15, 16, 1)) DAY,
       COALESCE(district_code, ''), COALESCE(street_code, ''), address, CAST(received_at AS DATE), 1
FROM case_file
WHERE status NOT IN ('INVALID', 'MERGED')
ON DUPLICATE KEY UPDATE cases = cases + 1;
