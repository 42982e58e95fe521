-- Failed sign-ins are counted per e-mail address tried and client, not per account: guessing from one address slows only
-- that address for that e-mail, so nobody can keep an administrator locked out from elsewhere, and an address with no
-- account is counted exactly like one with, so the counts reveal nothing. The per-account columns go.
CREATE TABLE sign_in_failures (
    normalized_email  TEXT NOT NULL,
    client            TEXT NOT NULL,
    failures          INTEGER NOT NULL,
    last_failure_at   TEXT NOT NULL,
    blocked_until     TEXT NULL,
    PRIMARY KEY (normalized_email, client)
) WITHOUT ROWID;

CREATE INDEX ix_sign_in_failures_last_failure_at ON sign_in_failures (last_failure_at);

ALTER TABLE users DROP COLUMN failed_sign_ins;
ALTER TABLE users DROP COLUMN locked_until;
