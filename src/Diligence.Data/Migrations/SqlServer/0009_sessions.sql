-- As SQLite's 0011: server-side sessions (only the SHA-256 of the cookie's id is kept) and one-time password resets.
CREATE TABLE sessions (
    id              uniqueidentifier NOT NULL PRIMARY KEY,
    token_hash      char(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    user_id         uniqueidentifier NOT NULL REFERENCES users (id),
    created_at      datetimeoffset(7) NOT NULL,
    last_seen_at    datetimeoffset(7) NOT NULL,
    expires_at      datetimeoffset(7) NOT NULL,
    client_address  nvarchar(64) NULL,
    user_agent      nvarchar(256) NULL,
    ended_at        datetimeoffset(7) NULL,
    ended_reason    nvarchar(40) NULL
);
CREATE UNIQUE INDEX ux_sessions_token_hash ON sessions (token_hash);
CREATE INDEX ix_sessions_open_by_user ON sessions (user_id) WHERE ended_at IS NULL;

CREATE TABLE password_resets (
    id          uniqueidentifier NOT NULL PRIMARY KEY,
    token_hash  char(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    user_id     uniqueidentifier NOT NULL REFERENCES users (id),
    created_by  uniqueidentifier NOT NULL REFERENCES users (id),
    created_at  datetimeoffset(7) NOT NULL,
    expires_at  datetimeoffset(7) NOT NULL,
    used_at     datetimeoffset(7) NULL
);
CREATE UNIQUE INDEX ux_password_resets_token_hash ON password_resets (token_hash);
