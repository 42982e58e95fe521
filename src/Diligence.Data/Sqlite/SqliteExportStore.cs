using Dapper;
using Diligence.Core.Audit;
using Diligence.Core.Exports;

namespace Diligence.Data.Sqlite;

public sealed class SqliteExportStore(SqliteConnectionFactory connections) : IExportStore
{
    private const string SelectExport = """
        SELECT id AS Id, review_id AS ReviewId, requested_by AS RequestedBy, requested_at AS RequestedAt, paper AS Paper,
               state AS State, owner AS Owner, lease_until AS LeaseUntil, attempts AS Attempts, error AS Error,
               file_name AS FileName, sha256 AS Sha256, page_count AS PageCount, size_bytes AS SizeBytes, finished_at AS FinishedAt
        FROM exports
        """;

    // Queued, or claimed by a node whose lease ran out (it crashed or stalled): the same test in the listing and the claim.
    private const string Claimable = "(state = 'queued' OR (state = 'rendering' AND lease_until < @now))";

    public async Task CreateAsync(Export export, AuditEntry? audit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(export);
        using var write = await connections.BeginWriteAsync(cancellationToken);
        await write.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO exports (id, review_id, requested_by, requested_at, paper, state, attempts, file_name)
            VALUES (@Id, @ReviewId, @RequestedBy, @RequestedAt, @Paper, 'queued', 0, @FileName)
            """,
            new { export.Id, export.ReviewId, export.RequestedBy, export.RequestedAt, export.Paper, export.FileName },
            write.Transaction,
            cancellationToken: cancellationToken));
        write.Commit(audit);
    }

    public async Task<Export?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ExportRow>(new CommandDefinition(
            SelectExport + " WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToExport();
    }

    public async Task<IReadOnlyList<Export>> ListForReviewAsync(Guid reviewId, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ExportRow>(new CommandDefinition(
            SelectExport + " WHERE review_id = @reviewId ORDER BY requested_at DESC, id DESC",
            new { reviewId },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToExport())];
    }

    public async Task<IReadOnlyList<Guid>> ListClaimableAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var ids = await connection.QueryAsync<Guid>(new CommandDefinition(
            $"SELECT id FROM exports WHERE {Claimable} ORDER BY requested_at, id LIMIT @limit",
            new { now, limit },
            cancellationToken: cancellationToken));
        return [.. ids];
    }

    public async Task<bool> TryClaimAsync(Guid id, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        // One statement: SQLite serializes writers, so of two concurrent claims exactly one sees the row claimable.
        return await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE exports SET state = 'rendering', owner = @owner, lease_until = @leaseUntil, attempts = attempts + 1, error = NULL
            WHERE id = @id AND {Claimable}
            """,
            new { id, owner, now, leaseUntil },
            cancellationToken: cancellationToken)) == 1;
    }

    public async Task<bool> CompleteAsync(
        Guid id, string owner, byte[] pdf, string sha256, int pageCount, DateTimeOffset finishedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE exports SET state = 'ready', pdf = @pdf, sha256 = @sha256, page_count = @pageCount, size_bytes = @size,
                               finished_at = @finishedAt, lease_until = NULL, error = NULL
            WHERE id = @id AND state = 'rendering' AND owner = @owner
            """,
            new { id, owner, pdf, sha256, pageCount, size = (long)pdf.Length, finishedAt },
            cancellationToken: cancellationToken)) == 1;
    }

    public async Task<bool> FailAsync(Guid id, string owner, string error, DateTimeOffset finishedAt, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE exports SET state = 'failed', error = @error, finished_at = @finishedAt, lease_until = NULL
            WHERE id = @id AND state = 'rendering' AND owner = @owner
            """,
            new { id, owner, error, finishedAt },
            cancellationToken: cancellationToken)) == 1;
    }

    public async Task<bool> RetryAsync(Guid id, AuditEntry? audit = null, CancellationToken cancellationToken = default)
    {
        using var write = await connections.BeginWriteAsync(cancellationToken);
        var changed = await write.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE exports SET state = 'queued', owner = NULL, lease_until = NULL, error = NULL, finished_at = NULL
            WHERE id = @id AND state = 'failed'
            """,
            new { id },
            write.Transaction,
            cancellationToken: cancellationToken)) == 1;
        if (changed)
        {
            write.Commit(audit);
        }
        return changed;
    }

    public async Task<byte[]?> ReadPdfAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<byte[]?>(new CommandDefinition(
            "SELECT pdf FROM exports WHERE id = @id AND state = 'ready'", new { id }, cancellationToken: cancellationToken));
    }
}
