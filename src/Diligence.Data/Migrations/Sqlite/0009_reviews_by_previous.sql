-- A review's overview shows the review that re-assesses it, if any: found by this index instead of by reading every
-- review. Not unique: a database may already hold two re-assessments of one review (two clicks at once), and refusing
-- to migrate it would keep the app from starting.
CREATE INDEX ix_reviews_previous ON reviews (previous_review_id) WHERE previous_review_id IS NOT NULL;
