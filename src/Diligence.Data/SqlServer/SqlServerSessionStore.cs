using System.Data.Common;
using Dapper;
using Diligence.Core.Accounts;
using Diligence.Core.Audit;
using Diligence.Data.Sqlite;

namespace Diligence.Data.SqlServer;

public sealed class SqlServerSessionStore(SqlServerConnectionFactory connections) : ISessionStore
{
    private const string SessionColumns = """
        s.id AS Id, s.token_hash AS TokenHash, s.user_id AS UserId, s.created_at AS CreatedAt, s.last_seen_at AS LastSeenAt,
        s.expires_at AS ExpiresAt, s.client_address AS ClientAddress, s.user_agent AS UserAgent, s.ended_at AS EndedAt,
        s.ended_reason AS EndedReason
        """;

    private const string CreateSql = """
        INSERT INTO sessions (id, token_hash, user_id, created_at, last_seen_at, expires_at, client_address, user_agent,
                              ended_at, ended_reason)
        VALUES (@Id, @TokenHash, @UserId, @CreatedAt, @LastSeenAt, @ExpiresAt, @ClientAddress, @UserAgent, @EndedAt, @EndedReason)
        """;

    private const string FindByTokenHashSql = "SELECT " + SessionColumns + """
        ,
               u.id AS Id, u.email AS Email, u.display_name AS DisplayName, u.password_hash AS PasswordHash, u.role AS Role,
               u.vendor_id AS VendorId, u.disabled AS Disabled, u.created_at AS CreatedAt
        FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = @tokenHash
        """;

    private const string ListActiveSql = "SELECT " + SessionColumns + """

        FROM sessions s
        WHERE s.user_id = @userId AND s.ended_at IS NULL AND s.expires_at > @at
        ORDER BY s.created_at DESC
        """;

    private const string TouchSql = "UPDATE sessions SET last_seen_at = @at WHERE id = @id AND last_seen_at < @at";

    private const string EndSql = """
        UPDATE sessions SET ended_at = @At, ended_reason = @Reason
        WHERE id = @id AND user_id = @userId AND ended_at IS NULL
        """;

    private const string EndAllSql = """
        UPDATE sessions SET ended_at = @At, ended_reason = @Reason
        WHERE user_id = @userId AND ended_at IS NULL AND (@Except IS NULL OR id <> @Except)
        """;

    private const string CreateResetSql = """
        INSERT INTO password_resets (id, token_hash, user_id, created_by, created_at, expires_at, used_at)
        VALUES (@Id, @TokenHash, @UserId, @CreatedBy, @CreatedAt, @ExpiresAt, @UsedAt)
        """;

    private const string FindResetSql = """
        SELECT id AS Id, token_hash AS TokenHash, user_id AS UserId, created_by AS CreatedBy, created_at AS CreatedAt,
               expires_at AS ExpiresAt, used_at AS UsedAt
        FROM password_resets
        WHERE token_hash = @tokenHash
        """;

    private const string ClaimResetSql = """
        UPDATE password_resets SET used_at = @at
        OUTPUT inserted.user_id
        WHERE id = @resetId AND used_at IS NULL AND expires_at > @at
        """;

    // A new password starts with no failed sign-ins counted against its address, from any client.
    private const string SetPasswordSql = """
        UPDATE users SET password_hash = @passwordHash WHERE id = @user;
        DELETE FROM sign_in_failures WHERE normalized_email = (SELECT normalized_email FROM users WHERE id = @user);
        """;

    public async Task CreateAsync(UserSession session, AuditEntry? audit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(CreateSql, session, transaction, cancellationToken: cancellationToken));
        await SqlServerAuditStore.CommitAsync(connections, connection, transaction, audit, cancellationToken);
    }

    public async Task<SessionAndUser?> FindByTokenHashAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SessionRow, UserRow, SessionAndUser>(
            new CommandDefinition(FindByTokenHashSql, new { tokenHash }, cancellationToken: cancellationToken),
            (session, user) => new SessionAndUser(session.ToSession(), user.ToAccount()));
        return rows.SingleOrDefault();
    }

    public async Task<IReadOnlyList<UserSession>> ListActiveAsync(Guid userId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SessionRow>(new CommandDefinition(ListActiveSql, new { userId, at }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToSession())];
    }

    public async Task TouchAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(TouchSql, new { id, at }, cancellationToken: cancellationToken));
    }

    public async Task<bool> EndAsync(
        Guid id, Guid userId, SessionEnding ending, AuditEntry? audit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ending);
        using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await connection.ExecuteAsync(new CommandDefinition(
            EndSql, new { id, userId, ending.At, ending.Reason }, transaction, cancellationToken: cancellationToken)) == 0)
        {
            return false;
        }
        await SqlServerAuditStore.CommitAsync(connections, connection, transaction, audit, cancellationToken);
        return true;
    }

    public async Task<int> EndAllAsync(Guid userId, SessionEnding ending, AuditEntry? audit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ending);
        using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var ended = await EndAllAsync(connection, transaction, userId, ending, cancellationToken);
        await SqlServerAuditStore.CommitAsync(connections, connection, transaction, audit, cancellationToken);
        return ended;
    }

    /// <summary>Ends the user's open sessions inside the caller's transaction, so a change to the user and the ending commit together.</summary>
    internal static Task<int> EndAllAsync(
        DbConnection connection, DbTransaction transaction, Guid userId, SessionEnding ending, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            EndAllSql, new { userId, ending.At, ending.Reason, ending.Except }, transaction, cancellationToken: cancellationToken));

    public async Task CreatePasswordResetAsync(PasswordReset reset, AuditEntry? audit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reset);
        using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(CreateResetSql, reset, transaction, cancellationToken: cancellationToken));
        await SqlServerAuditStore.CommitAsync(connections, connection, transaction, audit, cancellationToken);
    }

    public async Task<PasswordReset?> FindPasswordResetAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<PasswordResetRow>(new CommandDefinition(
            FindResetSql, new { tokenHash }, cancellationToken: cancellationToken));
        return row?.ToReset();
    }

    public async Task<bool> CompletePasswordResetAsync(
        Guid resetId, string passwordHash, DateTimeOffset at, AuditEntry? audit = null, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var userId = await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(
            ClaimResetSql, new { resetId, at }, transaction, cancellationToken: cancellationToken));
        if (userId is not { } user)
        {
            return false;
        }
        await connection.ExecuteAsync(new CommandDefinition(SetPasswordSql, new { passwordHash, user }, transaction, cancellationToken: cancellationToken));
        await EndAllAsync(connection, transaction, user, new SessionEnding(at, SessionEndReasons.PasswordReset), cancellationToken);
        await SqlServerAuditStore.CommitAsync(connections, connection, transaction, audit, cancellationToken);
        return true;
    }
}
