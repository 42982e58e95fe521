-- PDF exports of a review: a durable queue entry, claimed by one node at a time with a lease, and once ready an
-- immutable record holding the PDF itself, so any node can serve the download.
CREATE TABLE exports (
    id            uniqueidentifier NOT NULL PRIMARY KEY,
    review_id     uniqueidentifier NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    requested_by  uniqueidentifier NOT NULL REFERENCES users (id),
    requested_at  datetimeoffset(7) NOT NULL,
    paper         nvarchar(10) NOT NULL CHECK (paper IN ('A4', 'Letter')),
    state         nvarchar(10) NOT NULL CHECK (state IN ('queued', 'rendering', 'ready', 'failed')),
    owner         nvarchar(200) COLLATE Latin1_General_100_BIN2 NULL,
    lease_until   datetimeoffset(7) NULL,
    attempts      int NOT NULL DEFAULT 0,
    error         nvarchar(2000) NULL,
    file_name     nvarchar(400) NOT NULL,
    sha256        varchar(64) NULL,
    page_count    int NULL,
    size_bytes    bigint NULL,
    pdf           varbinary(max) NULL,
    finished_at   datetimeoffset(7) NULL
);

-- The dispatcher's lookup: unfinished exports, oldest first.
CREATE INDEX ix_exports_claimable ON exports (state, requested_at) WHERE state IN ('queued', 'rendering');

-- A review's export history, newest first.
CREATE INDEX ix_exports_review ON exports (review_id, requested_at);
