using Dapper;
using Diligence.Core.Accounts;
using Diligence.Core.Audit;

namespace Diligence.Data.Sqlite;

public sealed class SqliteSessionStore(SqliteConnectionFactory connections) : ISessionStore
{
    private const string SessionColumns = """
        s.id AS Id, s.token_hash AS TokenHash, s.user_id AS UserId, s.created_at AS CreatedAt, s.last_seen_at AS LastSeenAt,
        s.expires_at AS ExpiresAt, s.client_address AS ClientAddress, s.user_agent AS UserAgent, s.ended_at AS EndedAt,
        s.ended_reason AS EndedReason
        """;

    private const string SelectReset = """
        SELECT id AS Id, token_hash AS TokenHash, user_id AS UserId, created_by AS CreatedBy, created_at AS CreatedAt,
               expires_at AS ExpiresAt, used_at AS UsedAt
        FROM password_resets
        """;

    public async Task CreateAsync(UserSession session, AuditEntry? audit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        using var write = await connections.BeginWriteAsync(cancellationToken);
        await write.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO sessions (id, token_hash, user_id, created_at, last_seen_at, expires_at, client_address, user_agent,
                                  ended_at, ended_reason)
            VALUES (@Id, @TokenHash, @UserId, @CreatedAt, @LastSeenAt, @ExpiresAt, @ClientAddress, @UserAgent, @EndedAt, @EndedReason)
            """,
            session,
            write.Transaction,
            cancellationToken: cancellationToken));
        write.Commit(audit);
    }

    private const string FindByTokenHash = $"""
        SELECT {SessionColumns},
               u.email, u.display_name, u.password_hash, u.role, u.vendor_id, u.disabled, u.created_at
        FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = @tokenHash
        """;

    // Every request runs this, so it is compiled once per connection and read by hand rather than through Dapper.
    public async Task<SessionAndUser?> FindByTokenHashAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        using var connection = (PooledSqliteConnection)await connections.OpenAsync(cancellationToken);
        var command = connection.Prepared(FindByTokenHash, ["@tokenHash"], null);
        command.Parameters[0].Value = tokenHash;
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        DateTimeOffset Time(int i) => DateTimeOffsetTypeHandler.Parse(reader.GetString(i));
        DateTimeOffset? OptionalTime(int i) => reader.IsDBNull(i) ? null : Time(i);
        var session = new UserSession(
            Guid.ParseExact(reader.GetString(0), "D"), reader.GetString(1), Guid.ParseExact(reader.GetString(2), "D"),
            Time(3), Time(4), Time(5), Text(6), Text(7), OptionalTime(8), Text(9));
        var user = new UserAccount(
            session.UserId, reader.GetString(10), reader.GetString(11), reader.GetString(12), Enum.Parse<Role>(reader.GetString(13)),
            Text(14) is { } vendor ? Guid.ParseExact(vendor, "D") : null, reader.GetInt64(15) != 0, Time(16));
        return new SessionAndUser(session, user);
    }

    public async Task<IReadOnlyList<UserSession>> ListActiveAsync(Guid userId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SessionRow>(new CommandDefinition(
            $"""
            SELECT {SessionColumns}
            FROM sessions s
            WHERE s.user_id = @userId AND s.ended_at IS NULL AND s.expires_at > @at
            ORDER BY s.created_at DESC
            """,
            new { userId, at },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToSession())];
    }

    public async Task TouchAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        using var write = await connections.BeginWriteAsync(cancellationToken);
        await write.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE sessions SET last_seen_at = @at WHERE id = @id AND last_seen_at < @at",
            new { id, at },
            write.Transaction,
            cancellationToken: cancellationToken));
        write.Commit();
    }

    public async Task<bool> EndAsync(
        Guid id, Guid userId, SessionEnding ending, AuditEntry? audit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ending);
        using var write = await connections.BeginWriteAsync(cancellationToken);
        var ended = await write.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE sessions SET ended_at = @At, ended_reason = @Reason
            WHERE id = @id AND user_id = @userId AND ended_at IS NULL
            """,
            new { id, userId, ending.At, ending.Reason },
            write.Transaction,
            cancellationToken: cancellationToken));
        if (ended == 0)
        {
            return false;
        }
        write.Commit(audit);
        return true;
    }

    public async Task<int> EndAllAsync(Guid userId, SessionEnding ending, AuditEntry? audit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ending);
        using var write = await connections.BeginWriteAsync(cancellationToken);
        var ended = await EndAllAsync(write, userId, ending, cancellationToken);
        write.Commit(audit);
        return ended;
    }

    /// <summary>Ends the user's open sessions inside <paramref name="write"/>, so a change to the user and the ending commit together.</summary>
    internal static Task<int> EndAllAsync(SqliteWrite write, Guid userId, SessionEnding ending, CancellationToken cancellationToken) =>
        write.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE sessions SET ended_at = @At, ended_reason = @Reason
            WHERE user_id = @userId AND ended_at IS NULL AND (@Except IS NULL OR id <> @Except)
            """,
            new { userId, ending.At, ending.Reason, ending.Except },
            write.Transaction,
            cancellationToken: cancellationToken));

    public async Task CreatePasswordResetAsync(PasswordReset reset, AuditEntry? audit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reset);
        using var write = await connections.BeginWriteAsync(cancellationToken);
        await write.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO password_resets (id, token_hash, user_id, created_by, created_at, expires_at, used_at)
            VALUES (@Id, @TokenHash, @UserId, @CreatedBy, @CreatedAt, @ExpiresAt, @UsedAt)
            """,
            reset,
            write.Transaction,
            cancellationToken: cancellationToken));
        write.Commit(audit);
    }

    public async Task<PasswordReset?> FindPasswordResetAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<PasswordResetRow>(new CommandDefinition(
            SelectReset + " WHERE token_hash = @tokenHash", new { tokenHash }, cancellationToken: cancellationToken));
        return row?.ToReset();
    }

    public async Task<bool> CompletePasswordResetAsync(
        Guid resetId, string passwordHash, DateTimeOffset at, AuditEntry? audit = null, CancellationToken cancellationToken = default)
    {
        using var write = await connections.BeginWriteAsync(cancellationToken);
        var userId = await write.Connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(
            """
            UPDATE password_resets SET used_at = @at
            WHERE id = @resetId AND used_at IS NULL AND expires_at > @at
            RETURNING user_id
            """,
            new { resetId, at },
            write.Transaction,
            cancellationToken: cancellationToken));
        if (userId is not { } user)
        {
            return false;
        }
        await write.Connection.ExecuteAsync(new CommandDefinition(
            // A new password starts with no failed sign-ins counted against its address, from any client.
            """
            UPDATE users SET password_hash = @passwordHash WHERE id = @user;
            DELETE FROM sign_in_failures WHERE normalized_email = (SELECT normalized_email FROM users WHERE id = @user);
            """,
            new { passwordHash, user },
            write.Transaction,
            cancellationToken: cancellationToken));
        await EndAllAsync(write, user, new SessionEnding(at, SessionEndReasons.PasswordReset), cancellationToken);
        write.Commit(audit);
        return true;
    }
}
