using Dapper;
using Diligence.Core.Audit;
using Diligence.Core.Exports;
using Diligence.Data.Sqlite;

namespace Diligence.Data.SqlServer;

public sealed class SqlServerExportStore(SqlServerConnectionFactory connections) : IExportStore
{
    private const string SelectExport = """
        SELECT id AS Id, review_id AS ReviewId, requested_by AS RequestedBy, requested_at AS RequestedAt, paper AS Paper,
               state AS State, owner AS Owner, lease_until AS LeaseUntil, attempts AS Attempts, error AS Error,
               file_name AS FileName, sha256 AS Sha256, page_count AS PageCount, size_bytes AS SizeBytes,
               finished_at AS FinishedAt
        FROM exports
        """;

    private const string CreateSql = """
        INSERT INTO exports (id, review_id, requested_by, requested_at, paper, state, attempts, file_name)
        VALUES (@Id, @ReviewId, @RequestedBy, @RequestedAt, @Paper, 'queued', 0, @FileName)
        """;

    private const string GetSql = SelectExport + " WHERE id = @id";

    private const string ListForReviewSql = SelectExport + " WHERE review_id = @reviewId ORDER BY requested_at DESC, id";

    private const string ListClaimableSql = """
        SELECT TOP (@limit) id
        FROM exports
        WHERE state = 'queued' OR (state = 'rendering' AND lease_until < @now)
        ORDER BY requested_at, id
        """;

    // The lease: one statement, so of two nodes exactly one sees the row still claimable.
    private const string TryClaimSql = """
        UPDATE exports
        SET state = 'rendering', owner = @owner, lease_until = @leaseUntil, attempts = attempts + 1
        WHERE id = @id AND (state = 'queued' OR (state = 'rendering' AND lease_until < @now))
        """;

    private const string CompleteSql = """
        UPDATE exports
        SET state = 'ready', pdf = @pdf, sha256 = @sha256, page_count = @pageCount, size_bytes = @sizeBytes,
            finished_at = @finishedAt, lease_until = NULL, error = NULL
        WHERE id = @id AND state = 'rendering' AND owner = @owner
        """;

    private const string FailSql = """
        UPDATE exports
        SET state = 'failed', error = @error, finished_at = @finishedAt, lease_until = NULL
        WHERE id = @id AND state = 'rendering' AND owner = @owner
        """;

    private const string RetrySql = """
        UPDATE exports
        SET state = 'queued', owner = NULL, lease_until = NULL, error = NULL, finished_at = NULL
        WHERE id = @id AND state = 'failed'
        """;

    private const string ReadPdfSql = "SELECT pdf FROM exports WHERE id = @id AND state = 'ready'";

    public async Task CreateAsync(Export export, AuditEntry? audit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(export);
        using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            CreateSql,
            new { export.Id, export.ReviewId, export.RequestedBy, export.RequestedAt, export.Paper, export.FileName },
            transaction,
            cancellationToken: cancellationToken));
        await SqlServerAuditStore.CommitAsync(connections, connection, transaction, audit, cancellationToken);
    }

    public async Task<Export?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ExportRow>(new CommandDefinition(GetSql, new { id }, cancellationToken: cancellationToken));
        return row?.ToExport();
    }

    public async Task<IReadOnlyList<Export>> ListForReviewAsync(Guid reviewId, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ExportRow>(new CommandDefinition(ListForReviewSql, new { reviewId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToExport())];
    }

    public async Task<IReadOnlyList<Guid>> ListClaimableAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<Guid>(new CommandDefinition(ListClaimableSql, new { now, limit }, cancellationToken: cancellationToken))];
    }

    public async Task<bool> TryClaimAsync(Guid id, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            TryClaimSql, new { id, owner, now, leaseUntil }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<bool> CompleteAsync(
        Guid id, string owner, byte[] pdf, string sha256, int pageCount, DateTimeOffset finishedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            CompleteSql,
            new { id, owner, pdf, sha256, pageCount, sizeBytes = (long)pdf.Length, finishedAt },
            cancellationToken: cancellationToken)) == 1;
    }

    public async Task<bool> FailAsync(Guid id, string owner, string error, DateTimeOffset finishedAt, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            FailSql, new { id, owner, error, finishedAt }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<bool> RetryAsync(Guid id, AuditEntry? audit = null, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(RetrySql, new { id }, transaction, cancellationToken: cancellationToken)) == 1;
        if (changed)
        {
            await SqlServerAuditStore.CommitAsync(connections, connection, transaction, audit, cancellationToken);
        }
        return changed;
    }

    public async Task<byte[]?> ReadPdfAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<byte[]?>(new CommandDefinition(ReadPdfSql, new { id }, cancellationToken: cancellationToken));
    }
}
