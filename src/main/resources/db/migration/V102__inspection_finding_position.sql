-- Where the inspector stood when recording a finding: the phone's position (browser geolocation, with the person's
-- consent), or none. Same precision as a case's coordinates; the accuracy is the radius the browser reported.
ALTER TABLE inspection_finding
    ADD COLUMN latitude DECIMAL(9, 6) NULL,
    ADD COLUMN longitude DECIMAL(9, 6) NULL,
    ADD COLUMN position_accuracy_m INT NULL;
