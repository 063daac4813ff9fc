-- Issue 19, item 5: a report or store request is decided once, under one idempotency key per decision attempt
-- ("report-decision:<id>#<n>"). A decision the engine rejects (an unknown user to reassign to, a region the
-- engine refuses) changes nothing, so the next decision must get a fresh key: this counts those rejections.
ALTER TABLE reports ADD COLUMN rejected_decisions INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE merchant_requests ADD COLUMN rejected_decisions INTEGER DEFAULT 0 NOT NULL;
