using Dapper;
using Diligence.Core.Accounts;
using Diligence.Core.Audit;
using Diligence.Core.Vendors;
using Diligence.Data.Sqlite;

namespace Diligence.Data.SqlServer;

public sealed class SqlServerInvitationStore(SqlServerConnectionFactory connections) : IInvitationStore
{
    private const string SelectInvitation = """
        SELECT id AS Id, vendor_id AS VendorId, email AS Email, token_hash AS TokenHash, created_by AS CreatedBy,
               created_at AS CreatedAt, expires_at AS ExpiresAt, revoked_at AS RevokedAt, used_at AS UsedAt, used_by AS UsedBy
        FROM vendor_invitations
        """;

    private const string CreateSql = """
        INSERT INTO vendor_invitations (id, vendor_id, email, token_hash, created_by, created_at, expires_at, revoked_at, used_at, used_by)
        VALUES (@Id, @VendorId, @Email, @TokenHash, @CreatedBy, @CreatedAt, @ExpiresAt, @RevokedAt, @UsedAt, @UsedBy)
        """;

    private const string GetSql = SelectInvitation + " WHERE id = @id";

    private const string FindByTokenHashSql = SelectInvitation + " WHERE token_hash = @tokenHash";

    private const string ListSql = SelectInvitation + " WHERE vendor_id = @vendorId ORDER BY created_at DESC";

    private const string RevokeSql = """
        UPDATE vendor_invitations SET revoked_at = @at
        WHERE id = @id AND vendor_id = @vendorId AND used_at IS NULL AND revoked_at IS NULL
        """;

    // One statement: of two concurrent uses, exactly one sees used_at still empty.
    private const string ClaimSql = """
        UPDATE vendor_invitations SET used_at = @at
        WHERE id = @id AND used_at IS NULL AND revoked_at IS NULL AND expires_at > @at
        """;

    private const string CompleteSql = "UPDATE vendor_invitations SET used_by = @userId WHERE id = @id";

    public async Task CreateAsync(VendorInvitation invitation, AuditEntry? audit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(CreateSql, invitation, transaction, cancellationToken: cancellationToken));
        await SqlServerAuditStore.CommitAsync(connections, connection, transaction, audit, cancellationToken);
    }

    public async Task<VendorInvitation?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<InvitationRow>(new CommandDefinition(GetSql, new { id }, cancellationToken: cancellationToken));
        return row?.ToInvitation();
    }

    public async Task<VendorInvitation?> FindByTokenHashAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<InvitationRow>(new CommandDefinition(
            FindByTokenHashSql, new { tokenHash }, cancellationToken: cancellationToken));
        return row?.ToInvitation();
    }

    public async Task<IReadOnlyList<VendorInvitation>> ListAsync(Guid vendorId, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<InvitationRow>(new CommandDefinition(ListSql, new { vendorId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToInvitation())];
    }

    public async Task<bool> RevokeAsync(
        Guid id, Guid vendorId, DateTimeOffset at, AuditEntry? audit = null, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await connection.ExecuteAsync(new CommandDefinition(RevokeSql, new { id, vendorId, at }, transaction, cancellationToken: cancellationToken)) == 0)
        {
            return false;
        }
        await SqlServerAuditStore.CommitAsync(connections, connection, transaction, audit, cancellationToken);
        return true;
    }

    public async Task<bool> AcceptAsync(
        Guid id, UserAccount account, DateTimeOffset at, AuditEntry? audit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await connection.ExecuteAsync(new CommandDefinition(ClaimSql, new { id, at }, transaction, cancellationToken: cancellationToken)) == 0)
        {
            return false;
        }
        // A failed insert (a taken e-mail) throws before the commit: the disposed transaction rolls the claim back.
        await SqlServerUserStore.InsertAsync(connection, transaction, account, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(CompleteSql, new { id, userId = account.Id }, transaction, cancellationToken: cancellationToken));
        await SqlServerAuditStore.CommitAsync(connections, connection, transaction, audit, cancellationToken);
        return true;
    }
}
