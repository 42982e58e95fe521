-- Every mutation appends its audit event in its own transaction, and each index on audit_events is one more B-tree
-- page written at that commit: with four of them the append cost more than the answer save it records. None of them
-- served a query: the admin filters are optional (`@actor IS NULL OR actor = @actor`), a form SQLite answers by reading
-- the table from the newest event back (about 0.3 s over a million events), and retention finds its cut the same way.
DROP INDEX ix_audit_events_occurred_at;
DROP INDEX ix_audit_events_actor;
DROP INDEX ix_audit_events_action;
DROP INDEX ix_audit_events_resource;
