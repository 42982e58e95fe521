-- SQLite stores a row's columns in order and spills a large value onto a chain of overflow pages: reading a column
-- after the PDF meant walking the whole chain (a 450 KB write-up is over a hundred pages), and `finished_at` came
-- after it. Every status poll of a review's exports page read every PDF that way. The table is rebuilt with the PDF
-- last, so the history, the status and the claim read only the small columns.
CREATE TABLE exports_pdf_last (
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
    finished_at   TEXT NULL,
    pdf           BLOB NULL
);

INSERT INTO exports_pdf_last (id, review_id, requested_by, requested_at, paper, state, owner, lease_until, attempts,
                              error, file_name, sha256, page_count, size_bytes, finished_at, pdf)
SELECT id, review_id, requested_by, requested_at, paper, state, owner, lease_until, attempts,
       error, file_name, sha256, page_count, size_bytes, finished_at, pdf
FROM exports;

DROP TABLE exports;
ALTER TABLE exports_pdf_last RENAME TO exports;

CREATE INDEX ix_exports_claimable ON exports (state, requested_at) WHERE state IN ('queued', 'rendering');
CREATE INDEX ix_exports_review ON exports (review_id, requested_at);
