using Dapper;
using Diligence.Core.Accounts;
using Diligence.Core.Audit;
using Diligence.Core.Vendors;

namespace Diligence.Data.Sqlite;

public sealed class SqliteInvitationStore(SqliteConnectionFactory connections) : IInvitationStore
{
    private const string SelectInvitation = """
        SELECT id AS Id, vendor_id AS VendorId, email AS Email, token_hash AS TokenHash, created_by AS CreatedBy,
               created_at AS CreatedAt, expires_at AS ExpiresAt, revoked_at AS RevokedAt, used_at AS UsedAt, used_by AS UsedBy
        FROM vendor_invitations
        """;

    public async Task CreateAsync(VendorInvitation invitation, AuditEntry? audit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        using var write = await connections.BeginWriteAsync(cancellationToken);
        await write.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO vendor_invitations (id, vendor_id, email, token_hash, created_by, created_at, expires_at, revoked_at, used_at, used_by)
            VALUES (@Id, @VendorId, @Email, @TokenHash, @CreatedBy, @CreatedAt, @ExpiresAt, @RevokedAt, @UsedAt, @UsedBy)
            """,
            invitation,
            write.Transaction,
            cancellationToken: cancellationToken));
        write.Commit(audit);
    }

    public async Task<VendorInvitation?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<InvitationRow>(new CommandDefinition(
            SelectInvitation + " WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToInvitation();
    }

    public async Task<VendorInvitation?> FindByTokenHashAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<InvitationRow>(new CommandDefinition(
            SelectInvitation + " WHERE token_hash = @tokenHash", new { tokenHash }, cancellationToken: cancellationToken));
        return row?.ToInvitation();
    }

    public async Task<IReadOnlyList<VendorInvitation>> ListAsync(Guid vendorId, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<InvitationRow>(new CommandDefinition(
            SelectInvitation + " WHERE vendor_id = @vendorId ORDER BY created_at DESC", new { vendorId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToInvitation())];
    }

    public async Task<bool> RevokeAsync(
        Guid id, Guid vendorId, DateTimeOffset at, AuditEntry? audit = null, CancellationToken cancellationToken = default)
    {
        using var write = await connections.BeginWriteAsync(cancellationToken);
        var revoked = await write.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE vendor_invitations SET revoked_at = @at
            WHERE id = @id AND vendor_id = @vendorId AND used_at IS NULL AND revoked_at IS NULL
            """,
            new { id, vendorId, at },
            write.Transaction,
            cancellationToken: cancellationToken)) > 0;
        if (revoked)
        {
            write.Commit(audit);
        }
        return revoked;
    }

    public async Task<bool> AcceptAsync(
        Guid id, UserAccount account, DateTimeOffset at, AuditEntry? audit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        using var write = await connections.BeginWriteAsync(cancellationToken);
        var (connection, transaction) = (write.Connection, write.Transaction);
        // One statement takes the invitation: of two concurrent uses, exactly one sees used_at still empty.
        var claimed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE vendor_invitations SET used_at = @at
            WHERE id = @id AND used_at IS NULL AND revoked_at IS NULL AND expires_at > @at
            """,
            new { id, at },
            transaction,
            cancellationToken: cancellationToken)) > 0;
        if (!claimed)
        {
            return false;
        }
        // A failed insert (a taken e-mail) throws before the commit: the disposed transaction rolls the claim back.
        await SqliteUserStore.InsertAsync(connection, transaction, account, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE vendor_invitations SET used_by = @userId WHERE id = @id",
            new { id, userId = account.Id },
            transaction,
            cancellationToken: cancellationToken));
        write.Commit(audit);
        return true;
    }
}
