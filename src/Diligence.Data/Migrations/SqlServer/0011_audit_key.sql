-- As SQLite's 0013: the chain becomes keyed (HMAC-SHA-256 with a key kept outside the database), and what the verifier
-- trusts is signed with that key: each retention checkpoint, the head (audit_sequence now also holds the newest
-- event's hash, rewritten with every event), and where the chain became keyed. A log written before this migration is
-- checked once by the app at its first start with a key and, if intact, keyed from its newest event.
ALTER TABLE audit_checkpoints ADD signature varchar(64) NULL;
ALTER TABLE audit_sequence ADD hash varchar(128) NULL, signature varchar(64) NULL, keyed_from bigint NULL,
    keyed_hash varchar(128) NULL, keyed_signature varchar(64) NULL;
GO

-- Keying signs the newest checkpoint of a log written before keys, once: only a missing signature may be added.
ALTER TRIGGER audit_checkpoints_no_change ON audit_checkpoints AFTER UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT 1 FROM deleted d
               WHERE d.signature IS NOT NULL
                  OR NOT EXISTS (SELECT 1 FROM inserted i
                                 WHERE i.sequence = d.sequence AND i.hash = d.hash AND i.created_at = d.created_at))
        THROW 50003, 'audit checkpoints are append-only', 1;
END;
