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

-- The days case_daily already holds (the statement of CaseDaily.REFRESH_ADDRESSES, a range of ix_case_received per
-- day), so the two tables cover the same days; a day case_daily lacks gets both at its first refresh. 2.6 s for 31
-- days of 121,000 cases on the bench server; a production database that has run the nightly refresh since V65 holds
-- every day since then, i.e. reads every case once. Where one place is spelt two ways that the collation holds
-- equal, the row keeps the spelling of the earliest receipt, as a refresh does.
INSERT INTO case_daily_address (half_month, district_code, street_code, address, day, cases)
SELECT CAST(c.received_at AS DATE)
           - INTERVAL (DAYOFMONTH(c.received_at) - IF(DAYOFMONTH(c.received_at) > 15, 16, 1)) DAY,
       COALESCE(c.district_code, ''), COALESCE(c.street_code, ''), c.address, CAST(c.received_at AS DATE), 1
FROM (SELECT DISTINCT day FROM case_daily) d
JOIN case_file c FORCE INDEX (ix_case_received)
  ON c.received_at >= d.day AND c.received_at < d.day + INTERVAL 1 DAY
WHERE c.status NOT IN ('INVALID', 'MERGED')
ON DUPLICATE KEY UPDATE cases = cases + 1;
