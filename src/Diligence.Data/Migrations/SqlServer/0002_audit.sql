-- Append-only, hash-chained audit events. Sequence numbers are issued from audit_sequence, which remembers the highest
-- one ever written (as SQLite's AUTOINCREMENT does), so verification notices events removed from the end; updating
-- that one row also serialises appends, so the chain never forks.
CREATE TABLE audit_events (
    sequence        bigint NOT NULL PRIMARY KEY,
    occurred_at     datetimeoffset(7) NOT NULL,
    actor           nvarchar(320) COLLATE Latin1_General_100_BIN2 NOT NULL,
    role            nvarchar(50) NOT NULL,
    action          nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    resource_type   nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    resource_id     nvarchar(400) COLLATE Latin1_General_100_BIN2 NOT NULL,
    before_summary  nvarchar(max) NULL,
    after_summary   nvarchar(max) NULL,
    client_address  nvarchar(100) NULL,
    request_id      nvarchar(200) NULL,
    previous_hash   varchar(128) NOT NULL,
    hash            varchar(128) NOT NULL
);

CREATE INDEX ix_audit_events_occurred_at ON audit_events (occurred_at);
CREATE INDEX ix_audit_events_actor ON audit_events (actor);
CREATE INDEX ix_audit_events_action ON audit_events (action);
CREATE INDEX ix_audit_events_resource ON audit_events (resource_type, resource_id);

CREATE TABLE audit_sequence (
    id           tinyint NOT NULL PRIMARY KEY CHECK (id = 1),
    last_issued  bigint NOT NULL
);

INSERT INTO audit_sequence (id, last_issued) VALUES (1, 0);

-- Retention: before old events are deleted, the last of them is recorded here; verification starts from the newest
-- checkpoint, and only events a checkpoint covers may be deleted.
CREATE TABLE audit_checkpoints (
    sequence    bigint NOT NULL PRIMARY KEY,
    hash        varchar(128) NOT NULL,
    created_at  datetimeoffset(7) NOT NULL
);

-- The ASP.NET Core data-protection key ring (XML elements), so keys survive restarts and are shared by every node.
CREATE TABLE data_protection_keys (
    id             int IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    friendly_name  nvarchar(400) NULL,
    xml            nvarchar(max) NOT NULL,
    created_at     datetimeoffset(7) NOT NULL
);
GO

CREATE TRIGGER audit_events_no_update ON audit_events AFTER UPDATE
AS
BEGIN
    SET NOCOUNT ON;
    THROW 50001, 'audit events are append-only', 1;
END;
GO

CREATE TRIGGER audit_events_no_delete ON audit_events AFTER DELETE
AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT 1 FROM deleted d WHERE NOT EXISTS (SELECT 1 FROM audit_checkpoints c WHERE c.sequence >= d.sequence))
        THROW 50002, 'audit events are append-only; only events before a retention checkpoint may be deleted', 1;
END;
GO

CREATE TRIGGER audit_checkpoints_no_change ON audit_checkpoints AFTER UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    THROW 50003, 'audit checkpoints are append-only', 1;
END;
