-- PDF exports of a review: a durable queue entry, claimed by one node at a time with a lease, and once ready an
-- immutable record holding the PDF itself, so any node can serve the download.
CREATE TABLE exports (
    id            TEXT NOT NULL PRIMARY KEY,
    review_id     TEXT NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    requested_by  TEXT NOT NULL REFERENCES users (id),
    requested_at  TEXT NOT NULL,
    paper         TEXT NOT NULL CHECK (paper IN ('A4', 'Letter')),
    state         TEXT NOT NULL CHECK (state IN ('queued', 'rendering', 'ready', 'failed')),
    owner         TEXT NULL,
    lease_until   TEXT NULL,
    attempts      INTEGER NOT NULL DEFAULT 0,
    error         TEXT NULL,
    file_name     TEXT NOT NULL,
    sha256        TEXT NULL,
    page_count    INTEGER NULL,
    size_bytes    INTEGER NULL,
    pdf           BLOB NULL,
    finished_at   TEXT NULL
);

-- The dispatcher's lookup: unfinished exports, oldest first.
CREATE INDEX ix_exports_claimable ON exports (state, requested_at) WHERE state IN ('queued', 'rendering');

-- A review's export history, newest first.
CREATE INDEX ix_exports_review ON exports (review_id, requested_at);
