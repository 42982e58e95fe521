using System.Text.Json;
using Dapper;
using Diligence.Core.Audit;
using Diligence.Core.Reviews;
using Diligence.Data.Sqlite;

namespace Diligence.Data.SqlServer;

public sealed class SqlServerFindingStore(SqlServerConnectionFactory connections) : IFindingStore
{
    private const string SelectFinding = """
        SELECT id AS Id, review_id AS ReviewId, source AS Source, source_id AS SourceId, severity AS Severity, text AS Text,
               owner AS Owner, status AS Status, withdrawn AS Withdrawn, created_at AS CreatedAt, updated_at AS UpdatedAt,
               version AS Version, raised_by AS RaisedBy
        FROM findings
        """;

    private const string ListSql = SelectFinding + " WHERE review_id = @reviewId ORDER BY created_at, id";

    // The ids travel as one JSON array: SQL Server takes at most 2,100 parameters.
    private const string CountOpenSql = """
        SELECT review_id, severity, COUNT(*)
        FROM findings
        WHERE review_id IN (SELECT CAST([value] AS uniqueidentifier) FROM OPENJSON(@reviewIds))
          AND status = 'Open' AND withdrawn = 0
        GROUP BY review_id, severity
        ORDER BY review_id, severity
        """;

    // Update locks on the review's automatic findings: a concurrent sync of the same review waits, so both never add one.
    private const string AutomaticForUpdateSql = """
        SELECT id AS Id, review_id AS ReviewId, source AS Source, source_id AS SourceId, severity AS Severity, text AS Text,
               owner AS Owner, status AS Status, withdrawn AS Withdrawn, created_at AS CreatedAt, updated_at AS UpdatedAt,
               version AS Version, raised_by AS RaisedBy
        FROM findings WITH (UPDLOCK, HOLDLOCK)
        WHERE review_id = @reviewId AND source <> 'Manual'
        """;

    private const string InsertSql = """
        INSERT INTO findings (id, review_id, source, source_id, severity, text, owner, status, withdrawn, created_at, updated_at, version, raised_by)
        VALUES (@Id, @ReviewId, @Source, @SourceId, @Severity, @Text, @Owner, @Status, @Withdrawn, @CreatedAt, @UpdatedAt, 1, @RaisedBy)
        """;

    private const string UpdateSql = """
        UPDATE findings
        SET severity = @Severity, text = @Text, owner = @Owner, status = @Status, withdrawn = @Withdrawn,
            updated_at = @UpdatedAt, version = version + 1
        WHERE id = @Id AND version = @expectedVersion;
        SELECT @@ROWCOUNT;
        """;

    private const string StoredVersionSql = "SELECT version FROM findings WHERE id = @Id";

    private const string SetWithdrawnSql = "UPDATE findings SET withdrawn = @Withdrawn, updated_at = @at, version = version + 1 WHERE id = @Id";

    public async Task<IReadOnlyList<Finding>> ListAsync(Guid reviewId, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<FindingRow>(new CommandDefinition(ListSql, new { reviewId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToFinding())];
    }

    public async Task<IReadOnlyList<OpenFindingCount>> CountOpenAsync(
        IReadOnlyCollection<Guid> reviewIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reviewIds);
        using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(Guid ReviewId, string Severity, int Count)>(new CommandDefinition(
            CountOpenSql, new { reviewIds = JsonSerializer.Serialize(reviewIds) }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new OpenFindingCount(r.ReviewId, r.Severity, r.Count))];
    }

    public async Task AddAsync(Finding finding, AuditEntry? audit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(finding);
        EnsureKnownSeverity(finding.Severity);
        using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction();
        await connection.ExecuteAsync(new CommandDefinition(
            InsertSql,
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
            transaction,
            cancellationToken: cancellationToken));
        await SqlServerAuditStore.CommitAsync(connections, connection, transaction, audit, cancellationToken);
    }

    public async Task<int> UpdateAsync(Finding finding, int expectedVersion, AuditEntry? audit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(finding);
        EnsureKnownSeverity(finding.Severity);
        using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction();
        var changed = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            UpdateSql,
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
            transaction,
            cancellationToken: cancellationToken));
        if (changed == 1)
        {
            await SqlServerAuditStore.CommitAsync(connections, connection, transaction, audit, cancellationToken);
            return expectedVersion + 1;
        }

        var storedVersion = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            StoredVersionSql, new { finding.Id }, transaction, cancellationToken: cancellationToken));
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

        using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction();
        var automatic = (await connection.QueryAsync<FindingRow>(new CommandDefinition(
            AutomaticForUpdateSql, new { reviewId }, transaction, cancellationToken: cancellationToken)))
            .ToDictionary(f => f.SourceId!, StringComparer.Ordinal);

        var added = raisedById.Values
            .Where(r => !automatic.ContainsKey(r.SourceId))
            .Select(r => new
            {
                Id = Guid.CreateVersion7(at),
                ReviewId = reviewId,
                Source = r.Source.ToString(),
                r.SourceId,
                r.Severity,
                r.Text,
                Owner = (string?)null,
                Status = nameof(FindingStatus.Open),
                Withdrawn = false,
                CreatedAt = at,
                UpdatedAt = at,
                RaisedBy = (Guid?)null,
            })
            .ToList();
        var withdrawn = automatic.Values.Where(f => !f.Withdrawn && !raisedById.ContainsKey(f.SourceId!)).ToList();
        var reinstated = automatic.Values.Where(f => f.Withdrawn && raisedById.ContainsKey(f.SourceId!)).ToList();

        await connection.ExecuteAsync(new CommandDefinition(InsertSql, added, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            SetWithdrawnSql,
            withdrawn.Select(f => new { f.Id, Withdrawn = true, at })
                .Concat(reinstated.Select(f => new { f.Id, Withdrawn = false, at })),
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return new FindingSyncResult(added.Count, withdrawn.Count, reinstated.Count);
    }

    private static void EnsureKnownSeverity(string severity)
    {
        if (!FindingSeverities.IsKnown(severity))
        {
            throw new ArgumentException(
                $"Severity '{severity}' is not one of {string.Join(", ", FindingSeverities.All)}.", nameof(severity));
        }
    }
}
