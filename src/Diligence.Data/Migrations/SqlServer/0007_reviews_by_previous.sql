-- As SQLite's 0009: a review's overview finds the review that re-assesses it by this index, not by reading every review.
CREATE INDEX ix_reviews_previous ON reviews (previous_review_id) WHERE previous_review_id IS NOT NULL;
