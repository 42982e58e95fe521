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
               vendor_id AS VendorId, disabled AS Disabled, failed_sign_ins AS FailedSignIns, locked_until AS LockedUntil,
               created_at AS CreatedAt
        FROM users
        """;

    private const string CountSql = "SELECT COUNT(*) FROM users";

    private const string CreateSql = """
        INSERT INTO users (id, email, normalized_email, display_name, password_hash, role, vendor_id, disabled,
                           failed_sign_ins, locked_until, created_at)
        VALUES (@Id, @Email, @NormalizedEmail, @DisplayName, @PasswordHash, @Role, @VendorId, @Disabled,
                @FailedSignIns, @LockedUntil, @CreatedAt)
        """;

    private const string GetSql = SelectUser + " WHERE id = @id";

    private const string FindByEmailSql = SelectUser + " WHERE normalized_email = @normalizedEmail";

    private const string ListSql = SelectUser + " ORDER BY normalized_email";

    private const string UpdateSql = """
        UPDATE users
        SET display_name = @DisplayName, password_hash = @PasswordHash, role = @Role, vendor_id = @VendorId, disabled = @Disabled
        WHERE id = @Id
        """;

    private const string RecordFailedSignInSql = """
        UPDATE users
        SET failed_sign_ins = failed_sign_ins + 1, locked_until = COALESCE(@lockUntil, locked_until)
        OUTPUT inserted.failed_sign_ins
        WHERE id = @id
        """;

    private const string ResetFailedSignInsSql = "UPDATE users SET failed_sign_ins = 0, locked_until = NULL WHERE id = @id";

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
        await SqlServerAuditStore.CommitAsync(connection, transaction, audit, cancellationToken);
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
                    account.FailedSignIns,
                    account.LockedUntil,
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
        await SqlServerAuditStore.CommitAsync(connection, transaction, audit, cancellationToken);
    }

    public async Task<int> RecordFailedSignInAsync(Guid id, DateTimeOffset? lockUntil, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var count = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            RecordFailedSignInSql, new { id, lockUntil }, cancellationToken: cancellationToken));
        return count ?? throw NotFound(id);
    }

    public async Task ResetFailedSignInsAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition(ResetFailedSignInsSql, new { id }, cancellationToken: cancellationToken));
        EnsureFound(updated, id);
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
