using Dapper;
using Diligence.Core.Accounts;
using Diligence.Core.Audit;
using Microsoft.Data.Sqlite;

namespace Diligence.Data.Sqlite;

public sealed class SqliteUserStore(SqliteConnectionFactory connections) : IUserStore
{
    private const string SelectUser = """
        SELECT id AS Id, email AS Email, display_name AS DisplayName, password_hash AS PasswordHash, role AS Role,
               vendor_id AS VendorId, disabled AS Disabled, created_at AS CreatedAt
        FROM users
        """;

    // SQLITE_CONSTRAINT_UNIQUE
    private const int UniqueConstraintFailed = 2067;

    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM users", cancellationToken: cancellationToken));
    }

    public async Task CreateAsync(UserAccount account, AuditEntry? audit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        using var write = await connections.BeginWriteAsync(cancellationToken);
        await InsertAsync(write.Connection, write.Transaction, account, cancellationToken);
        write.Commit(audit);
    }

    /// <summary>Inserts the account, in <paramref name="transaction"/> when given; a taken e-mail throws <see cref="DuplicateEmailException"/>.</summary>
    internal static async Task InsertAsync(
        SqliteConnection connection, SqliteTransaction? transaction, UserAccount account, CancellationToken cancellationToken)
    {
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO users (id, email, normalized_email, display_name, password_hash, role, vendor_id, disabled, created_at)
                VALUES (@Id, @Email, @NormalizedEmail, @DisplayName, @PasswordHash, @Role, @VendorId, @Disabled, @CreatedAt)
                """,
                new
                {
                    account.Id,
                    account.Email,
                    NormalizedEmail = Normalize(account.Email),
                    account.DisplayName,
                    account.PasswordHash,
                    Role = account.Role.ToString(),
                    account.VendorId,
                    account.Disabled,
                    account.CreatedAt,
                },
                transaction,
                cancellationToken: cancellationToken));
        }
        catch (SqliteException exception) when (exception.SqliteExtendedErrorCode == UniqueConstraintFailed
            && exception.Message.Contains("users.normalized_email", StringComparison.Ordinal))
        {
            throw new DuplicateEmailException(account.Email);
        }
    }

    public async Task<UserAccount?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(
            SelectUser + " WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToAccount();
    }

    public async Task<UserAccount?> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(
            SelectUser + " WHERE normalized_email = @normalizedEmail",
            new { normalizedEmail = Normalize(email) },
            cancellationToken: cancellationToken));
        return row?.ToAccount();
    }

    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<UserRow>(new CommandDefinition(
            SelectUser + " ORDER BY normalized_email", cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToAccount())];
    }

    public Task UpdateAsync(UserAccount account, AuditEntry? audit = null, CancellationToken cancellationToken = default) =>
        UpdateAsync(account, null, audit, cancellationToken);

    public Task UpdateEndingSessionsAsync(
        UserAccount account, SessionEnding ending, AuditEntry? audit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ending);
        return UpdateAsync(account, ending, audit, cancellationToken);
    }

    private async Task UpdateAsync(UserAccount account, SessionEnding? ending, AuditEntry? audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        using var write = await connections.BeginWriteAsync(cancellationToken);
        var updated = await write.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE users
            SET display_name = @DisplayName, password_hash = @PasswordHash, role = @Role, vendor_id = @VendorId, disabled = @Disabled
            WHERE id = @Id
            """,
            new { account.Id, account.DisplayName, account.PasswordHash, Role = account.Role.ToString(), account.VendorId, account.Disabled },
            write.Transaction,
            cancellationToken: cancellationToken));
        EnsureFound(updated, account.Id);
        if (ending is not null)
        {
            await SqliteSessionStore.EndAllAsync(write, account.Id, ending, cancellationToken);
        }
        write.Commit(audit);
    }

    public async Task<DateTimeOffset?> RecordFailedSignInAsync(
        string email, string client, SignInBackoff backoff, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(backoff);
        using var write = await connections.BeginWriteAsync(cancellationToken);
        var key = new { email = Normalize(email), client, now, forgetBefore = now - SignInBackoff.Memory };
        var failures = await write.Connection.ExecuteScalarAsync<int>(new CommandDefinition(
            """
            DELETE FROM sign_in_failures WHERE last_failure_at < @forgetBefore;
            INSERT INTO sign_in_failures (normalized_email, client, failures, last_failure_at) VALUES (@email, @client, 1, @now)
            ON CONFLICT (normalized_email, client) DO UPDATE SET failures = failures + 1, last_failure_at = @now
            RETURNING failures;
            """,
            key, write.Transaction, cancellationToken: cancellationToken));
        var blockedUntil = backoff.BlockedUntil(failures, now);
        await write.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE sign_in_failures SET blocked_until = @blockedUntil WHERE normalized_email = @email AND client = @client",
            new { key.email, client, blockedUntil }, write.Transaction, cancellationToken: cancellationToken));
        write.Commit();
        return blockedUntil;
    }

    public async Task<DateTimeOffset?> SignInBlockedUntilAsync(string email, string client, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<DateTimeOffset?>(new CommandDefinition(
            """
            SELECT blocked_until FROM sign_in_failures
            WHERE normalized_email = @email AND client = @client AND blocked_until > @now
            """,
            new { email = Normalize(email), client, now },
            cancellationToken: cancellationToken));
    }

    public async Task ClearFailedSignInsAsync(string email, string client, CancellationToken cancellationToken = default)
    {
        using var write = await connections.BeginWriteAsync(cancellationToken);
        await write.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM sign_in_failures WHERE normalized_email = @email AND client = @client",
            new { email = Normalize(email), client }, write.Transaction, cancellationToken: cancellationToken));
        write.Commit();
    }

    private static string Normalize(string email) => email.Trim().ToUpperInvariant();

    private static void EnsureFound(int updatedRows, Guid id)
    {
        if (updatedRows == 0)
        {
            throw NotFound(id);
        }
    }

    private static KeyNotFoundException NotFound(Guid id) => new($"User {id} does not exist.");
}
