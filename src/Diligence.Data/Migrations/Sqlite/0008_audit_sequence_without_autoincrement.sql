-- AUTOINCREMENT made every audit append write sqlite_sequence as well as its event: one more B-tree page, so one more
-- WAL frame, in the commit of every mutation. Sequence numbers now follow the chain's head. What remembers the newest
-- event, so verification still notices events removed from the end, is written where the mutation writes anyway: an
-- answer save records its event's number and hash in the answer row it changes, and any other append raises
-- audit_head. A removed event whose number was issued again is caught by that recorded hash.
CREATE TABLE audit_head (
    id        INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    sequence  INTEGER NOT NULL
);

INSERT INTO audit_head (id, sequence) SELECT 1, seq FROM sqlite_sequence WHERE name = 'audit_events';

CREATE TABLE audit_events_numbered (
    sequence        INTEGER NOT NULL PRIMARY KEY,
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

INSERT INTO audit_events_numbered (sequence, occurred_at, actor, role, action, resource_type, resource_id,
                                   before_summary, after_summary, client_address, request_id, previous_hash, hash)
SELECT sequence, occurred_at, actor, role, action, resource_type, resource_id,
       before_summary, after_summary, client_address, request_id, previous_hash, hash
FROM audit_events;

-- Dropping a table fires no DELETE trigger; the append-only triggers are created again on the new table.
DROP TABLE audit_events;
ALTER TABLE audit_events_numbered RENAME TO audit_events;

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;

CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
WHEN NOT EXISTS (SELECT 1 FROM audit_checkpoints WHERE sequence >= OLD.sequence)
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only; only events before a retention checkpoint may be deleted');
END;

ALTER TABLE answers ADD COLUMN audit_sequence INTEGER NULL;
ALTER TABLE answers ADD COLUMN audit_hash TEXT NULL;
ALTER TABLE library_answers ADD COLUMN audit_sequence INTEGER NULL;
ALTER TABLE library_answers ADD COLUMN audit_hash TEXT NULL;
