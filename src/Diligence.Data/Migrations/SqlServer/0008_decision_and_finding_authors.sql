-- As SQLite's 0010: who recorded the committee's decision and when, and who raised each finding by hand.
ALTER TABLE reviews ADD decided_by uniqueidentifier NULL REFERENCES users (id), decided_at datetimeoffset(7) NULL;
ALTER TABLE findings ADD raised_by uniqueidentifier NULL REFERENCES users (id);
GO
UPDATE reviews SET decided_at = updated_at WHERE status = 'Decided';
