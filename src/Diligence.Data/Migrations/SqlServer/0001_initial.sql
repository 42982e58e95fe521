-- The SQL Server schema mirrors the SQLite one: ids are uniqueidentifier, times datetimeoffset(7) (.NET tick precision),
-- enums their C# names. Keys and other identifiers compare byte-wise (BIN2), as SQLite compares text, so 'a' and 'A'
-- stay two answer keys whatever the database's default collation.

CREATE TABLE vendors (
    id          uniqueidentifier NOT NULL PRIMARY KEY,
    name        nvarchar(200) NOT NULL,
    product     nvarchar(200) NULL,
    website     nvarchar(2000) NULL,
    contacts    nvarchar(max) NULL,
    created_at  datetimeoffset(7) NOT NULL
);

CREATE INDEX ix_vendors_name ON vendors (name);

CREATE TABLE users (
    id                uniqueidentifier NOT NULL PRIMARY KEY,
    email             nvarchar(320) NOT NULL,
    -- Upper-cased invariantly by the store: case-insensitive lookup and uniqueness beyond ASCII.
    normalized_email  nvarchar(320) COLLATE Latin1_General_100_BIN2 NOT NULL,
    display_name      nvarchar(200) NOT NULL,
    password_hash     nvarchar(1000) NOT NULL,
    role              nvarchar(20) NOT NULL CHECK (role IN ('Admin', 'Reviewer', 'Procurement', 'Vendor')),
    vendor_id         uniqueidentifier NULL REFERENCES vendors (id),
    disabled          bit NOT NULL DEFAULT 0,
    failed_sign_ins   int NOT NULL DEFAULT 0,
    locked_until      datetimeoffset(7) NULL,
    created_at        datetimeoffset(7) NOT NULL
);

CREATE UNIQUE INDEX ux_users_normalized_email ON users (normalized_email);

CREATE TABLE questionnaires (
    id            nvarchar(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
    version       nvarchar(50) COLLATE Latin1_General_100_BIN2 NOT NULL,
    content_hash  nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    title         nvarchar(400) NOT NULL,
    yaml          nvarchar(max) NOT NULL,
    published_at  datetimeoffset(7) NOT NULL,
    CONSTRAINT pk_questionnaires PRIMARY KEY (id, version)
);

CREATE TABLE reviews (
    id                     uniqueidentifier NOT NULL PRIMARY KEY,
    vendor_id              uniqueidentifier NOT NULL REFERENCES vendors (id),
    questionnaire_id       nvarchar(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
    questionnaire_version  nvarchar(50) COLLATE Latin1_General_100_BIN2 NOT NULL,
    questionnaire_hash     nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    status                 nvarchar(20) NOT NULL
        CHECK (status IN ('Draft', 'AwaitingVendor', 'InReview', 'ReadyForCommittee', 'Decided')),
    owner_id               uniqueidentifier NOT NULL REFERENCES users (id),
    decision               nvarchar(30) NULL CHECK (decision IN ('Approve', 'ApproveWithConditions', 'Reject')),
    decision_rationale     nvarchar(max) NULL,
    previous_review_id     uniqueidentifier NULL REFERENCES reviews (id),
    created_at             datetimeoffset(7) NOT NULL,
    updated_at             datetimeoffset(7) NOT NULL,
    version                int NOT NULL,
    CONSTRAINT fk_reviews_questionnaire FOREIGN KEY (questionnaire_id, questionnaire_version)
        REFERENCES questionnaires (id, version),
    -- A decision exactly when decided.
    CONSTRAINT ck_reviews_decision CHECK ((status = 'Decided' AND decision IS NOT NULL) OR (status <> 'Decided' AND decision IS NULL))
);

CREATE INDEX ix_reviews_status_updated ON reviews (status, updated_at);
CREATE INDEX ix_reviews_vendor ON reviews (vendor_id);

-- A cleared answer keeps its row with a NULL value, so versions keep counting and a stale save still conflicts.
CREATE TABLE answers (
    review_id   uniqueidentifier NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    [key]       nvarchar(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
    value_json  nvarchar(max) NULL,
    version     int NOT NULL,
    updated_by  uniqueidentifier NOT NULL,
    updated_at  datetimeoffset(7) NOT NULL,
    CONSTRAINT pk_answers PRIMARY KEY (review_id, [key])
);

-- One row per version of an answer.
CREATE TABLE answer_history (
    review_id       uniqueidentifier NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    [key]           nvarchar(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
    version         int NOT NULL,
    old_value_json  nvarchar(max) NULL,
    new_value_json  nvarchar(max) NULL,
    changed_by      uniqueidentifier NOT NULL,
    changed_at      datetimeoffset(7) NOT NULL,
    CONSTRAINT pk_answer_history PRIMARY KEY (review_id, [key], version)
);

CREATE TABLE findings (
    id          uniqueidentifier NOT NULL PRIMARY KEY,
    review_id   uniqueidentifier NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    source      nvarchar(10) NOT NULL CHECK (source IN ('Flag', 'Rule', 'Manual')),
    source_id   nvarchar(400) COLLATE Latin1_General_100_BIN2 NULL,
    severity    nvarchar(10) NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'low', 'info')),
    text        nvarchar(max) NOT NULL,
    owner       nvarchar(200) NULL,
    status      nvarchar(20) NOT NULL CHECK (status IN ('Open', 'AcceptedRisk', 'Remediated')),
    withdrawn   bit NOT NULL DEFAULT 0,
    created_at  datetimeoffset(7) NOT NULL,
    updated_at  datetimeoffset(7) NOT NULL,
    version     int NOT NULL,
    -- Automatic findings are matched by source id.
    CONSTRAINT ck_findings_source_id CHECK (source = 'Manual' OR source_id IS NOT NULL)
);

CREATE INDEX ix_findings_review ON findings (review_id, created_at);
CREATE UNIQUE INDEX ux_findings_review_source_id ON findings (review_id, source_id) WHERE source_id IS NOT NULL;
