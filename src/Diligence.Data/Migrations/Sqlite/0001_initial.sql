-- Ids are lower-case GUID text, times ISO-8601 round-trip text in UTC, enums their C# names.

CREATE TABLE vendors (
    id          TEXT NOT NULL PRIMARY KEY,
    name        TEXT NOT NULL,
    product     TEXT NULL,
    website     TEXT NULL,
    contacts    TEXT NULL,
    created_at  TEXT NOT NULL
);

CREATE INDEX ix_vendors_name ON vendors (name);

CREATE TABLE users (
    id                TEXT NOT NULL PRIMARY KEY,
    email             TEXT NOT NULL,
    -- Upper-cased invariantly by the store: case-insensitive lookup and uniqueness beyond ASCII.
    normalized_email  TEXT NOT NULL,
    display_name      TEXT NOT NULL,
    password_hash     TEXT NOT NULL,
    role              TEXT NOT NULL CHECK (role IN ('Admin', 'Reviewer', 'Procurement', 'Vendor')),
    vendor_id         TEXT NULL REFERENCES vendors (id),
    disabled          INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    failed_sign_ins   INTEGER NOT NULL DEFAULT 0,
    locked_until      TEXT NULL,
    created_at        TEXT NOT NULL
);

CREATE UNIQUE INDEX ux_users_normalized_email ON users (normalized_email);

CREATE TABLE questionnaires (
    id            TEXT NOT NULL,
    version       TEXT NOT NULL,
    content_hash  TEXT NOT NULL,
    title         TEXT NOT NULL,
    yaml          TEXT NOT NULL,
    published_at  TEXT NOT NULL,
    PRIMARY KEY (id, version)
);

CREATE TABLE reviews (
    id                     TEXT NOT NULL PRIMARY KEY,
    vendor_id              TEXT NOT NULL REFERENCES vendors (id),
    questionnaire_id       TEXT NOT NULL,
    questionnaire_version  TEXT NOT NULL,
    questionnaire_hash     TEXT NOT NULL,
    status                 TEXT NOT NULL
        CHECK (status IN ('Draft', 'AwaitingVendor', 'InReview', 'ReadyForCommittee', 'Decided')),
    owner_id               TEXT NOT NULL REFERENCES users (id),
    decision               TEXT NULL CHECK (decision IN ('Approve', 'ApproveWithConditions', 'Reject')),
    decision_rationale     TEXT NULL,
    previous_review_id     TEXT NULL REFERENCES reviews (id),
    created_at             TEXT NOT NULL,
    updated_at             TEXT NOT NULL,
    version                INTEGER NOT NULL,
    FOREIGN KEY (questionnaire_id, questionnaire_version) REFERENCES questionnaires (id, version),
    -- A decision exactly when decided.
    CHECK ((status = 'Decided') = (decision IS NOT NULL))
);

CREATE INDEX ix_reviews_status_updated ON reviews (status, updated_at);
CREATE INDEX ix_reviews_vendor ON reviews (vendor_id);

-- A cleared answer keeps its row with a NULL value, so versions keep counting and a stale save still conflicts.
CREATE TABLE answers (
    review_id   TEXT NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    key         TEXT NOT NULL,
    value_json  TEXT NULL,
    version     INTEGER NOT NULL,
    updated_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (review_id, key)
) WITHOUT ROWID;

-- One row per version of an answer; one b-tree (no rowid) keeps each save to few page writes.
CREATE TABLE answer_history (
    review_id       TEXT NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    key             TEXT NOT NULL,
    version         INTEGER NOT NULL,
    old_value_json  TEXT NULL,
    new_value_json  TEXT NULL,
    changed_by      TEXT NOT NULL,
    changed_at      TEXT NOT NULL,
    PRIMARY KEY (review_id, key, version)
) WITHOUT ROWID;

CREATE TABLE findings (
    id          TEXT NOT NULL PRIMARY KEY,
    review_id   TEXT NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    source      TEXT NOT NULL CHECK (source IN ('Flag', 'Rule', 'Manual')),
    source_id   TEXT NULL,
    severity    TEXT NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'low', 'info')),
    text        TEXT NOT NULL,
    owner       TEXT NULL,
    status      TEXT NOT NULL CHECK (status IN ('Open', 'AcceptedRisk', 'Remediated')),
    withdrawn   INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    version     INTEGER NOT NULL,
    -- Automatic findings are matched by source id.
    CHECK (source = 'Manual' OR source_id IS NOT NULL)
);

CREATE INDEX ix_findings_review ON findings (review_id, created_at);
CREATE UNIQUE INDEX ux_findings_review_source_id ON findings (review_id, source_id) WHERE source_id IS NOT NULL;
