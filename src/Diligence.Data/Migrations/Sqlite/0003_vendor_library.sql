-- Vendor portal: invitations, each vendor's answer library, and where a review's prefilled answers came from.

-- Only a hash of the token is kept: the link itself is a credential.
CREATE TABLE vendor_invitations (
    id          TEXT NOT NULL PRIMARY KEY,
    vendor_id   TEXT NOT NULL REFERENCES vendors (id),
    email       TEXT NOT NULL,
    token_hash  TEXT NOT NULL,
    created_by  TEXT NOT NULL REFERENCES users (id),
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    revoked_at  TEXT NULL,
    used_at     TEXT NULL,
    used_by     TEXT NULL REFERENCES users (id)
);

CREATE UNIQUE INDEX ux_vendor_invitations_token ON vendor_invitations (token_hash);
CREATE INDEX ix_vendor_invitations_vendor ON vendor_invitations (vendor_id, created_at);

-- One library per vendor; submitted_* say which questionnaire version it was last declared current for.
CREATE TABLE vendor_libraries (
    vendor_id              TEXT NOT NULL PRIMARY KEY REFERENCES vendors (id),
    questionnaire_id       TEXT NULL,
    questionnaire_version  TEXT NULL,
    as_of                  TEXT NULL,
    submitted_by           TEXT NULL,
    submitted_at           TEXT NULL
);

-- As the review answers table: by key, a cleared answer keeps its row so versions keep counting.
CREATE TABLE library_answers (
    vendor_id   TEXT NOT NULL REFERENCES vendors (id),
    key         TEXT NOT NULL,
    value_json  TEXT NULL,
    version     INTEGER NOT NULL,
    updated_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (vendor_id, key)
) WITHOUT ROWID;

CREATE TABLE library_history (
    vendor_id       TEXT NOT NULL REFERENCES vendors (id),
    key             TEXT NOT NULL,
    version         INTEGER NOT NULL,
    old_value_json  TEXT NULL,
    new_value_json  TEXT NULL,
    changed_by      TEXT NOT NULL,
    changed_at      TEXT NOT NULL,
    PRIMARY KEY (vendor_id, key, version)
) WITHOUT ROWID;

-- A review answer that started as the vendor's: the vendor's value is kept, so an override never loses it.
CREATE TABLE answer_provenance (
    review_id          TEXT NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    key                TEXT NOT NULL,
    vendor_id          TEXT NOT NULL REFERENCES vendors (id),
    vendor_value_json  TEXT NOT NULL,
    vendor_updated_at  TEXT NOT NULL,
    confirmed_by       TEXT NULL,
    confirmed_at       TEXT NULL,
    PRIMARY KEY (review_id, key)
) WITHOUT ROWID;

-- What a review in "awaiting vendor" asks the vendor for, and by when.
CREATE TABLE vendor_requests (
    review_id     TEXT NOT NULL PRIMARY KEY REFERENCES reviews (id) ON DELETE CASCADE,
    vendor_id     TEXT NOT NULL REFERENCES vendors (id),
    keys_json     TEXT NOT NULL,
    due_on        TEXT NOT NULL,
    requested_at  TEXT NOT NULL
);

CREATE INDEX ix_vendor_requests_vendor ON vendor_requests (vendor_id, requested_at);
