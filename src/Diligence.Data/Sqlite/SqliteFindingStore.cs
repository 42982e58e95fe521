using System.Text.Json;
using Dapper;
using Diligence.Core.Audit;
using Diligence.Core.Reviews;
using Microsoft.Data.Sqlite;

namespace Diligence.Data.Sqlite;

public sealed class SqliteFindingStore(SqliteConnectionFactory connections) : IFindingStore
{
    internal const string SelectFinding = """
        SELECT id AS Id, review_id AS ReviewId, source AS Source, source_id AS SourceId, severity AS Severity, text AS Text,
               owner AS Owner, status AS Status, withdrawn AS Withdrawn, created_at AS CreatedAt, updated_at AS UpdatedAt,
               version AS Version, raised_by AS RaisedBy
        FROM findings
        """;

    internal const string InsertFinding = """
        INSERT INTO findings (id, review_id, source, source_id, severity, text, owner, status, withdrawn, created_at, updated_at, version, raised_by)
        VALUES (@Id, @ReviewId, @Source, @SourceId, @Severity, @Text, @Owner, @Status, @Withdrawn, @CreatedAt, @UpdatedAt, 1, @RaisedBy)
        """;

    public async Task<IReadOnlyList<Finding>> ListAsync(Guid reviewId, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<FindingRow>(new CommandDefinition(
            SelectFinding + " WHERE review_id = @reviewId ORDER BY created_at, id",
            new { reviewId },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToFinding())];
    }

    public async Task<IReadOnlyList<OpenFindingCount>> CountOpenAsync(
        IReadOnlyCollection<Guid> reviewIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reviewIds);
        using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(Guid ReviewId, string Severity, long Count)>(new CommandDefinition(
            """
            SELECT review_id, severity, COUNT(*)
            FROM findings
            WHERE review_id IN (SELECT value FROM json_each(@reviewIds)) AND status = 'Open' AND withdrawn = 0
            GROUP BY review_id, severity
            ORDER BY review_id, severity
            """,
            new { reviewIds = JsonSerializer.Serialize(reviewIds) },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new OpenFindingCount(r.ReviewId, r.Severity, (int)r.Count))];
    }

    public async Task AddAsync(Finding finding, AuditEntry? audit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(finding);
        EnsureKnownSeverity(finding.Severity);
        using var write = await connections.BeginWriteAsync(cancellationToken);
        await write.Connection.ExecuteAsync(new CommandDefinition(
            InsertFinding,
            new
            {
                finding.Id,
                finding.ReviewId,
                Source = finding.Source.ToString(),
                finding.SourceId,
                finding.Severity,
                finding.Text,
                finding.Owner,
                Status = finding.Status.ToString(),
                finding.Withdrawn,
                finding.CreatedAt,
                finding.UpdatedAt,
                finding.RaisedBy,
            },
            write.Transaction,
            cancellationToken: cancellationToken));
        write.Commit(audit);
    }

    public async Task<int> UpdateAsync(Finding finding, int expectedVersion, AuditEntry? audit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(finding);
        EnsureKnownSeverity(finding.Severity);
        using var write = await connections.BeginWriteAsync(cancellationToken);
        var newVersion = await write.Connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            """
            UPDATE findings
            SET severity = @Severity, text = @Text, owner = @Owner, status = @Status, withdrawn = @Withdrawn,
                updated_at = @UpdatedAt, version = version + 1
            WHERE id = @Id AND version = @expectedVersion
            RETURNING version
            """,
            new
            {
                finding.Id,
                finding.Severity,
                finding.Text,
                finding.Owner,
                Status = finding.Status.ToString(),
                finding.Withdrawn,
                finding.UpdatedAt,
                expectedVersion,
            },
            write.Transaction,
            cancellationToken: cancellationToken));
        if (newVersion is { } saved)
        {
            write.Commit(audit);
            return saved;
        }

        var storedVersion = await write.Connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            "SELECT version FROM findings WHERE id = @Id", new { finding.Id }, write.Transaction, cancellationToken: cancellationToken));
        throw storedVersion is { } stored
            ? new ConcurrencyConflictException(nameof(Finding), finding.Id, expectedVersion, stored)
            : new KeyNotFoundException($"Finding {finding.Id} does not exist.");
    }

    public async Task<FindingSyncResult> SyncRaisedAsync(
        Guid reviewId,
        IReadOnlyList<RaisedFindingRow> raised,
        DateTimeOffset at,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(raised);
        var raisedById = new Dictionary<string, RaisedFindingRow>(StringComparer.Ordinal);
        foreach (var row in raised)
        {
            if (row.Source == FindingSource.Manual)
            {
                throw new ArgumentException($"Raised finding {row.SourceId} must come from a flag or a rule.", nameof(raised));
            }

            EnsureKnownSeverity(row.Severity);
            if (!raisedById.TryAdd(row.SourceId, row))
            {
                throw new ArgumentException($"Finding {row.SourceId} is raised twice.", nameof(raised));
            }
        }

        // Most saves change no finding: a plain read (no write lock, WAL readers never wait) settles that, and only a
        // change takes the write lock and plans again from what is stored then.
        using (var reader = await connections.OpenAsync(cancellationToken))
        {
            if (Plan(await AutomaticAsync(reader, null, reviewId, cancellationToken), raisedById, reviewId, at).IsEmpty)
            {
                return new FindingSyncResult(0, 0, 0);
            }
        }

        using var write = await connections.BeginWriteAsync(cancellationToken);
        var plan = Plan(await AutomaticAsync(write.Connection, write.Transaction, reviewId, cancellationToken), raisedById, reviewId, at);
        await write.Connection.ExecuteAsync(new CommandDefinition(
            InsertFinding, plan.Added, write.Transaction, cancellationToken: cancellationToken));
        await write.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE findings SET withdrawn = @Withdrawn, updated_at = @at, version = version + 1 WHERE id = @Id",
            plan.Withdrawn.Select(f => new { f.Id, Withdrawn = true, at })
                .Concat(plan.Reinstated.Select(f => new { f.Id, Withdrawn = false, at })),
            write.Transaction,
            cancellationToken: cancellationToken));
        write.Commit();
        return new FindingSyncResult(plan.Added.Count, plan.Withdrawn.Count, plan.Reinstated.Count);
    }

    private static async Task<Dictionary<string, FindingRow>> AutomaticAsync(
        SqliteConnection connection, SqliteTransaction? transaction, Guid reviewId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<FindingRow>(new CommandDefinition(
            SelectFinding + " WHERE review_id = @reviewId AND source <> 'Manual'",
            new { reviewId },
            transaction,
            cancellationToken: cancellationToken))).ToDictionary(f => f.SourceId!, StringComparer.Ordinal);

    private static FindingSyncPlan Plan(
        Dictionary<string, FindingRow> automatic, Dictionary<string, RaisedFindingRow> raisedById, Guid reviewId, DateTimeOffset at) =>
        new(
            [.. raisedById.Values
                .Where(r => !automatic.ContainsKey(r.SourceId))
                .Select(r => new FindingInsert(
                    Guid.CreateVersion7(at), reviewId, r.Source.ToString(), r.SourceId, r.Severity, r.Text, null,
                    nameof(FindingStatus.Open), false, at, at))],
            [.. automatic.Values.Where(f => !f.Withdrawn && !raisedById.ContainsKey(f.SourceId!))],
            [.. automatic.Values.Where(f => f.Withdrawn && raisedById.ContainsKey(f.SourceId!))]);

    private static void EnsureKnownSeverity(string severity)
    {
        if (!FindingSeverities.IsKnown(severity))
        {
            throw new ArgumentException(
                $"Severity '{severity}' is not one of {string.Join(", ", FindingSeverities.All)}.", nameof(severity));
        }
    }
}
