-- Vendor portal: invitations, each vendor's answer library, and where a review's prefilled answers came from.

-- Only a hash of the token is kept: the link itself is a credential.
CREATE TABLE vendor_invitations (
    id          uniqueidentifier NOT NULL PRIMARY KEY,
    vendor_id   uniqueidentifier NOT NULL REFERENCES vendors (id),
    email       nvarchar(320) NOT NULL,
    token_hash  varchar(128) COLLATE Latin1_General_100_BIN2 NOT NULL,
    created_by  uniqueidentifier NOT NULL REFERENCES users (id),
    created_at  datetimeoffset(7) NOT NULL,
    expires_at  datetimeoffset(7) NOT NULL,
    revoked_at  datetimeoffset(7) NULL,
    used_at     datetimeoffset(7) NULL,
    used_by     uniqueidentifier NULL REFERENCES users (id)
);

CREATE UNIQUE INDEX ux_vendor_invitations_token ON vendor_invitations (token_hash);
CREATE INDEX ix_vendor_invitations_vendor ON vendor_invitations (vendor_id, created_at);

-- One library per vendor; submitted_* say which questionnaire version it was last declared current for.
CREATE TABLE vendor_libraries (
    vendor_id              uniqueidentifier NOT NULL PRIMARY KEY REFERENCES vendors (id),
    questionnaire_id       nvarchar(200) COLLATE Latin1_General_100_BIN2 NULL,
    questionnaire_version  nvarchar(50) COLLATE Latin1_General_100_BIN2 NULL,
    as_of                  date NULL,
    submitted_by           uniqueidentifier NULL,
    submitted_at           datetimeoffset(7) NULL
);

-- As the review answers table: by key, a cleared answer keeps its row so versions keep counting.
CREATE TABLE library_answers (
    vendor_id   uniqueidentifier NOT NULL REFERENCES vendors (id),
    [key]       nvarchar(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
    value_json  nvarchar(max) NULL,
    version     int NOT NULL,
    updated_by  uniqueidentifier NOT NULL,
    updated_at  datetimeoffset(7) NOT NULL,
    CONSTRAINT pk_library_answers PRIMARY KEY (vendor_id, [key])
);

CREATE TABLE library_history (
    vendor_id       uniqueidentifier NOT NULL REFERENCES vendors (id),
    [key]           nvarchar(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
    version         int NOT NULL,
    old_value_json  nvarchar(max) NULL,
    new_value_json  nvarchar(max) NULL,
    changed_by      uniqueidentifier NOT NULL,
    changed_at      datetimeoffset(7) NOT NULL,
    CONSTRAINT pk_library_history PRIMARY KEY (vendor_id, [key], version)
);

-- A review answer that started as the vendor's: the vendor's value is kept, so an override never loses it.
CREATE TABLE answer_provenance (
    review_id          uniqueidentifier NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    [key]              nvarchar(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
    vendor_id          uniqueidentifier NOT NULL REFERENCES vendors (id),
    vendor_value_json  nvarchar(max) NOT NULL,
    vendor_updated_at  datetimeoffset(7) NOT NULL,
    confirmed_by       uniqueidentifier NULL,
    confirmed_at       datetimeoffset(7) NULL,
    CONSTRAINT pk_answer_provenance PRIMARY KEY (review_id, [key])
);

-- What a review in "awaiting vendor" asks the vendor for, and by when.
CREATE TABLE vendor_requests (
    review_id     uniqueidentifier NOT NULL PRIMARY KEY REFERENCES reviews (id) ON DELETE CASCADE,
    vendor_id     uniqueidentifier NOT NULL REFERENCES vendors (id),
    keys_json     nvarchar(max) NOT NULL,
    due_on        date NOT NULL,
    requested_at  datetimeoffset(7) NOT NULL
);

CREATE INDEX ix_vendor_requests_vendor ON vendor_requests (vendor_id, requested_at);
