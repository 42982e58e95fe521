-- The write-up names who recorded the committee's decision and when, and who raised each finding by hand. A decided
-- review is locked, so its last change is its decision: earlier decisions take that time; who made them stays unknown.
ALTER TABLE reviews ADD COLUMN decided_by TEXT NULL REFERENCES users (id);
ALTER TABLE reviews ADD COLUMN decided_at TEXT NULL;
ALTER TABLE findings ADD COLUMN raised_by TEXT NULL REFERENCES users (id);

UPDATE reviews SET decided_at = updated_at WHERE status = 'Decided';
