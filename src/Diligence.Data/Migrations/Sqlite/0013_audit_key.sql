-- The chain becomes keyed (HMAC-SHA-256 with a key kept outside the database), so someone who can write this file
-- but does not hold the key cannot redo it. What the verifier trusts is now signed with that key:
-- * a retention checkpoint (it lets events be deleted, so one inserted by hand must be refused);
-- * the head, rewritten with every event (sequence and hash of the newest event), so the newest events cannot be
--   removed and the head lowered to match; it replaces the number and hash each answer save kept in its answer row;
-- * where the chain became keyed: a log written before this migration is checked once by the app at its first start
--   with a key and, if intact, keyed from its newest event (events up to it keep their SHA-256 chain, which ends in
--   the signed hash). Until then the head's signatures are NULL and `audit verify` says the log is not keyed yet.
ALTER TABLE audit_checkpoints ADD COLUMN signature TEXT NULL;

ALTER TABLE audit_head ADD COLUMN hash TEXT NULL;
ALTER TABLE audit_head ADD COLUMN signature TEXT NULL;
ALTER TABLE audit_head ADD COLUMN keyed_from INTEGER NULL;
ALTER TABLE audit_head ADD COLUMN keyed_hash TEXT NULL;
ALTER TABLE audit_head ADD COLUMN keyed_signature TEXT NULL;

-- Keying signs the newest checkpoint of a log written before keys, once: only a missing signature may be added.
DROP TRIGGER audit_checkpoints_no_update;

CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
WHEN OLD.signature IS NOT NULL OR NEW.sequence IS NOT OLD.sequence OR NEW.hash IS NOT OLD.hash
    OR NEW.created_at IS NOT OLD.created_at
BEGIN
    SELECT RAISE(ABORT, 'audit checkpoints are append-only');
END;

CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
BEGIN
    SELECT RAISE(ABORT, 'the audit head is never deleted');
END;
