-- Failed sign-ins are counted per e-mail address tried and client, not per account: guessing from one address slows only
-- that address for that e-mail, so nobody can keep an administrator locked out from elsewhere, and an address with no
-- account is counted exactly like one with, so the counts reveal nothing. The per-account columns go.
CREATE TABLE sign_in_failures (
    normalized_email  nvarchar(320) COLLATE Latin1_General_100_BIN2 NOT NULL,
    client            nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    failures          int NOT NULL,
    last_failure_at   datetimeoffset(7) NOT NULL,
    blocked_until     datetimeoffset(7) NULL,
    CONSTRAINT pk_sign_in_failures PRIMARY KEY (normalized_email, client)
);

CREATE INDEX ix_sign_in_failures_last_failure_at ON sign_in_failures (last_failure_at);

-- The column's default was created without a name: find it to drop it first.
DECLARE @default sysname = (
    SELECT d.name FROM sys.default_constraints d
    JOIN sys.columns c ON c.object_id = d.parent_object_id AND c.column_id = d.parent_column_id
    WHERE d.parent_object_id = OBJECT_ID('users') AND c.name = 'failed_sign_ins');
DECLARE @drop nvarchar(400) = N'ALTER TABLE users DROP CONSTRAINT ' + QUOTENAME(@default);
IF @default IS NOT NULL EXEC (@drop);

ALTER TABLE users DROP COLUMN failed_sign_ins, locked_until;
