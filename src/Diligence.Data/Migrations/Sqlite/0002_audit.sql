-- Append-only, hash-chained audit events. Sequence numbers come from AUTOINCREMENT so sqlite_sequence remembers the
-- highest one ever written, which lets verification notice events removed from the end.
CREATE TABLE audit_events (
    sequence        INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    occurred_at     TEXT NOT NULL,
    actor           TEXT NOT NULL,
    role            TEXT NOT NULL,
    action          TEXT NOT NULL,
    resource_type   TEXT NOT NULL,
    resource_id     TEXT NOT NULL,
    before_summary  TEXT NULL,
    after_summary   TEXT NULL,
    client_address  TEXT NULL,
    request_id      TEXT NULL,
    previous_hash   TEXT NOT NULL,
    hash            TEXT NOT NULL
);

CREATE INDEX ix_audit_events_occurred_at ON audit_events (occurred_at);
CREATE INDEX ix_audit_events_actor ON audit_events (actor);
CREATE INDEX ix_audit_events_action ON audit_events (action);
CREATE INDEX ix_audit_events_resource ON audit_events (resource_type, resource_id);

-- Retention: before old events are deleted, the last of them is recorded here; verification starts from the newest
-- checkpoint, and only events a checkpoint covers may be deleted.
CREATE TABLE audit_checkpoints (
    sequence    INTEGER NOT NULL PRIMARY KEY,
    hash        TEXT NOT NULL,
    created_at  TEXT NOT NULL
);

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;

CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
WHEN NOT EXISTS (SELECT 1 FROM audit_checkpoints WHERE sequence >= OLD.sequence)
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only; only events before a retention checkpoint may be deleted');
END;

CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
BEGIN
    SELECT RAISE(ABORT, 'audit checkpoints are append-only');
END;

CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
BEGIN
    SELECT RAISE(ABORT, 'audit checkpoints are append-only');
END;

-- The ASP.NET Core data-protection key ring (XML elements), so keys survive restarts and are shared by instances.
CREATE TABLE data_protection_keys (
    id             INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    friendly_name  TEXT NULL,
    xml            TEXT NOT NULL,
    created_at     TEXT NOT NULL
);
