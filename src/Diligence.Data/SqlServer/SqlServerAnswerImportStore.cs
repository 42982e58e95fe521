using System.Text.Json;
using Dapper;
using Diligence.Core.Audit;
using Diligence.Core.Reviews;

namespace Diligence.Data.SqlServer;

public sealed class SqlServerAnswerImportStore(SqlServerConnectionFactory connections) : IAnswerImportStore
{
    // UPDLOCK on the review row: a decision cannot land between the status check and the commit.
    private const string StatusSql = "SELECT status FROM reviews WITH (UPDLOCK, HOLDLOCK) WHERE id = @reviewId";

    private const string CurrentSql = """
        SELECT [key] AS [Key], value_json AS ValueJson, version AS Version
        FROM answers WITH (UPDLOCK, HOLDLOCK)
        WHERE review_id = @reviewId
        """;

    private const string Changes = SqlServerLibraryStore.Changes;

    // Version 1 marks a key the review has no row for yet: the update finds nothing, the insert adds it.
    private const string ImportSql = $"""
        UPDATE a
        SET value_json = c.NewValueJson, version = c.Version, updated_by = @userId, updated_at = @at
        FROM answers a
        JOIN {Changes} c ON a.[key] = c.[Key] COLLATE Latin1_General_100_BIN2
        WHERE a.review_id = @reviewId;

        INSERT INTO answers (review_id, [key], value_json, version, updated_by, updated_at)
        SELECT @reviewId, c.[Key], c.NewValueJson, c.Version, @userId, @at
        FROM {Changes} c
        WHERE c.Version = 1;

        INSERT INTO answer_history (review_id, [key], version, old_value_json, new_value_json, changed_by, changed_at)
        SELECT @reviewId, c.[Key], c.Version, c.OldValueJson, c.NewValueJson, @userId, @at
        FROM {Changes} c;

        -- Imported answers are a change of the review (its "Last change", the dashboard's order); its row is locked already.
        IF @@ROWCOUNT > 0
            UPDATE reviews SET updated_at = @at WHERE id = @reviewId AND updated_at < @at;
        """;

    public async Task<AnswerImportResult> ImportAsync(
        Guid reviewId, IReadOnlyList<ImportedAnswer> answers, Guid userId, DateTimeOffset at,
        Func<int, AuditEntry>? audit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answers);
        using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var status = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            StatusSql, new { reviewId }, transaction, cancellationToken: cancellationToken))
            ?? throw new KeyNotFoundException($"Review {reviewId} does not exist.");
        if (ReviewLifecycle.IsLocked(Enum.Parse<ReviewStatus>(status)))
        {
            return new AnswerImportResult.Locked();
        }
        var current = (await connection.QueryAsync<(string Key, string? ValueJson, int Version)>(new CommandDefinition(
            CurrentSql, new { reviewId }, transaction, cancellationToken: cancellationToken)))
            .ToDictionary(r => r.Key, r => (r.ValueJson, r.Version), StringComparer.Ordinal);
        var plan = AnswerImportPlan.For(current, answers);
        if (plan.Conflicts.Count > 0)
        {
            return new AnswerImportResult.Conflict(plan.Conflicts);
        }
        await connection.ExecuteAsync(new CommandDefinition(
            ImportSql,
            new { reviewId, userId, at, changes = JsonSerializer.Serialize(plan.Changes) },
            transaction,
            cancellationToken: cancellationToken));
        await SqlServerAuditStore.CommitAsync(connections, connection, transaction, audit?.Invoke(plan.Changes.Count), cancellationToken);
        return new AnswerImportResult.Imported(plan.Changes.Count);
    }
}
