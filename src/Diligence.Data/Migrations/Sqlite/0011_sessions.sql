-- Server-side sessions: the sign-in cookie names a row here, checked on every request, so ending the row ends the
-- session on every node. Only the SHA-256 of the cookie's random id is kept: reading the database gives no session.
CREATE TABLE sessions (
    id              TEXT NOT NULL PRIMARY KEY,
    token_hash      TEXT NOT NULL,
    user_id         TEXT NOT NULL REFERENCES users (id),
    created_at      TEXT NOT NULL,
    last_seen_at    TEXT NOT NULL,
    -- The absolute limit; the sliding (idle) one is a setting, applied to last_seen_at when the session is used.
    expires_at      TEXT NOT NULL,
    client_address  TEXT NULL,
    user_agent      TEXT NULL,
    ended_at        TEXT NULL,
    ended_reason    TEXT NULL
);

CREATE UNIQUE INDEX ux_sessions_token_hash ON sessions (token_hash);
CREATE INDEX ix_sessions_open_by_user ON sessions (user_id) WHERE ended_at IS NULL;

-- One-time links an administrator hands a user to set a new password; only the token's SHA-256 is kept.
CREATE TABLE password_resets (
    id          TEXT NOT NULL PRIMARY KEY,
    token_hash  TEXT NOT NULL,
    user_id     TEXT NOT NULL REFERENCES users (id),
    created_by  TEXT NOT NULL REFERENCES users (id),
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT NULL
);

CREATE UNIQUE INDEX ux_password_resets_token_hash ON password_resets (token_hash);
