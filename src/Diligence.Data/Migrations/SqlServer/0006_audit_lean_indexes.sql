-- As SQLite's 0006: the four audit indexes cost every mutation's transaction a write each and served no query (the
-- admin filters are optional, `@actor IS NULL OR actor = @actor`, which the plan answers with a scan either way).
DROP INDEX ix_audit_events_occurred_at ON audit_events;
DROP INDEX ix_audit_events_actor ON audit_events;
DROP INDEX ix_audit_events_action ON audit_events;
DROP INDEX ix_audit_events_resource ON audit_events;
