using Dapper;
using Diligence.Core.Accounts;
using Diligence.Core.Audit;
using Diligence.Data.Sqlite;
using Microsoft.Data.SqlClient;

namespace Diligence.Data.SqlServer;

public sealed class SqlServerUserStore(SqlServerConnectionFactory connections) : IUserStore
{
    private const string SelectUser = """
        SELECT id AS Id, email AS Email, display_name AS DisplayName, password_hash AS PasswordHash, role AS Role,
               vendor_id AS VendorId, disabled AS Disabled, created_at AS CreatedAt
        FROM users
        """;

    private const string CountSql = "SELECT COUNT(*) FROM users";

    private const string CreateSql = """
        INSERT INTO users (id, email, normalized_email, display_name, password_hash, role, vendor_id, disabled, created_at)
        VALUES (@Id, @Email, @NormalizedEmail, @DisplayName, @PasswordHash, @Role, @VendorId, @Disabled, @CreatedAt)
        """;

    private const string GetSql = SelectUser + " WHERE id = @id";

    private const string FindByEmailSql = SelectUser + " WHERE normalized_email = @normalizedEmail";

    private const string ListSql = SelectUser + " ORDER BY normalized_email";

    private const string UpdateSql = """
        UPDATE users
        SET display_name = @DisplayName, password_hash = @PasswordHash, role = @Role, vendor_id = @VendorId, disabled = @Disabled
        WHERE id = @Id
        """;

    // The update lock on the key makes two nodes counting the same address and client take turns.
    private const string RecordFailedSignInSql = """
        DELETE FROM sign_in_failures WHERE last_failure_at < @forgetBefore;
        MERGE sign_in_failures WITH (UPDLOCK, HOLDLOCK) AS target
        USING (SELECT @email AS normalized_email, @client AS client) AS source
        ON target.normalized_email = source.normalized_email AND target.client = source.client
        WHEN MATCHED THEN UPDATE SET failures = target.failures + 1, last_failure_at = @now
        WHEN NOT MATCHED THEN INSERT (normalized_email, client, failures, last_failure_at) VALUES (@email, @client, 1, @now)
        OUTPUT inserted.failures;
        """;

    private const string BlockSignInSql =
        "UPDATE sign_in_failures SET blocked_until = @blockedUntil WHERE normalized_email = @email AND client = @client";

    private const string SignInBlockedUntilSql = """
        SELECT blocked_until FROM sign_in_failures
        WHERE normalized_email = @email AND client = @client AND blocked_until > @now
        """;

    private const string ClearFailedSignInsSql = "DELETE FROM sign_in_failures WHERE normalized_email = @email AND client = @client";

    // Cannot insert duplicate key row in object with unique index.
    private const int DuplicateKeyInUniqueIndex = 2601;

    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(CountSql, cancellationToken: cancellationToken));
    }

    public async Task CreateAsync(UserAccount account, AuditEntry? audit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await InsertAsync(connection, transaction, account, cancellationToken);
        await SqlServerAuditStore.CommitAsync(connections, connection, transaction, audit, cancellationToken);
    }

    /// <summary>Inserts the account on an open connection, so another store can add it inside its own transaction.</summary>
    internal static async Task InsertAsync(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, UserAccount account, CancellationToken cancellationToken)
    {
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                CreateSql,
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
        catch (SqlException exception) when (exception.Number == DuplicateKeyInUniqueIndex
            && exception.Message.Contains("ux_users_normalized_email", StringComparison.Ordinal))
        {
            throw new DuplicateEmailException(account.Email);
        }
    }

    public async Task<UserAccount?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(GetSql, new { id }, cancellationToken: cancellationToken));
        return row?.ToAccount();
    }

    public async Task<UserAccount?> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(
            FindByEmailSql, new { normalizedEmail = Normalize(email) }, cancellationToken: cancellationToken));
        return row?.ToAccount();
    }

    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<UserRow>(new CommandDefinition(ListSql, cancellationToken: cancellationToken));
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
        using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            UpdateSql,
            new { account.Id, account.DisplayName, account.PasswordHash, Role = account.Role.ToString(), account.VendorId, account.Disabled },
            transaction,
            cancellationToken: cancellationToken));
        EnsureFound(updated, account.Id);
        if (ending is not null)
        {
            await SqlServerSessionStore.EndAllAsync(connection, transaction, account.Id, ending, cancellationToken);
        }
        await SqlServerAuditStore.CommitAsync(connections, connection, transaction, audit, cancellationToken);
    }

    public async Task<DateTimeOffset?> RecordFailedSignInAsync(
        string email, string client, SignInBackoff backoff, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(backoff);
        using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var key = new { email = Normalize(email), client, now, forgetBefore = now - SignInBackoff.Memory };
        var failures = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            RecordFailedSignInSql, key, transaction, cancellationToken: cancellationToken));
        var blockedUntil = backoff.BlockedUntil(failures, now);
        await connection.ExecuteAsync(new CommandDefinition(
            BlockSignInSql, new { key.email, client, blockedUntil }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return blockedUntil;
    }

    public async Task<DateTimeOffset?> SignInBlockedUntilAsync(string email, string client, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<DateTimeOffset?>(new CommandDefinition(
            SignInBlockedUntilSql, new { email = Normalize(email), client, now }, cancellationToken: cancellationToken));
    }

    public async Task ClearFailedSignInsAsync(string email, string client, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            ClearFailedSignInsSql, new { email = Normalize(email), client }, cancellationToken: cancellationToken));
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
