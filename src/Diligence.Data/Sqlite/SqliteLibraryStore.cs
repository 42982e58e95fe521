using System.Globalization;
using System.Text.Json;
using Dapper;
using Diligence.Core.Audit;
using Diligence.Core.Reviews;
using Diligence.Core.Vendors;

namespace Diligence.Data.Sqlite;

public sealed class SqliteLibraryStore(SqliteConnectionFactory connections) : ILibraryStore
{
    public async Task<IReadOnlyList<StoredAnswer>> ListAsync(Guid vendorId, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AnswerRow>(new CommandDefinition(
            """
            SELECT vendor_id AS ReviewId, key AS Key, value_json AS ValueJson, version AS Version,
                   updated_by AS UpdatedBy, updated_at AS UpdatedAt
            FROM library_answers
            WHERE vendor_id = @vendorId AND value_json IS NOT NULL
            ORDER BY key
            """,
            new { vendorId },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToAnswer()!)];
    }

    public async Task<AnswerSaveResult> SaveAsync(
        Guid vendorId, string key, string? valueJson, int expectedVersion, Guid userId, DateTimeOffset at,
        Func<StoredAnswer?, AnswerSaveResult.Saved, AuditEntry>? audit = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        using var write = await connections.BeginWriteAsync(cancellationToken);
        var current = await write.Connection.QuerySingleOrDefaultAsync<AnswerRow>(new CommandDefinition(
            """
            SELECT v.id AS ReviewId, @key AS Key, a.value_json AS ValueJson, COALESCE(a.version, 0) AS Version,
                   a.updated_by AS UpdatedBy, a.updated_at AS UpdatedAt
            FROM vendors v
            LEFT JOIN library_answers a ON a.vendor_id = v.id AND a.key = @key
            WHERE v.id = @vendorId
            """,
            new { vendorId, key },
            write.Transaction,
            cancellationToken: cancellationToken))
            ?? throw new KeyNotFoundException($"Vendor {vendorId} does not exist.");
        var result = await VersionedAnswerTable.Libraries.SaveAsync(
            write, current, valueJson, expectedVersion, userId, at, audit, cancellationToken);
        write.Commit();
        return result;
    }

    public async Task<int> ReplaceAsync(
        Guid vendorId, IReadOnlyDictionary<string, string> answers, Guid userId, DateTimeOffset at,
        Func<int, AuditEntry>? audit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answers);
        using var write = await connections.BeginWriteAsync(cancellationToken);
        var (connection, transaction) = (write.Connection, write.Transaction);
        // Only what the comparison needs: mapping times and ids of thousands of rows would cost more than the compare.
        var current = (await connection.QueryAsync<(string Key, string? ValueJson, long Version)>(new CommandDefinition(
            "SELECT key, value_json, version FROM library_answers WHERE vendor_id = @vendorId",
            new { vendorId },
            transaction,
            cancellationToken: cancellationToken))).ToDictionary(r => r.Key, StringComparer.Ordinal);
        var changes = new List<LibraryChange>();
        foreach (var key in answers.Keys.Union(current.Keys, StringComparer.Ordinal))
        {
            var found = current.TryGetValue(key, out var row);
            var valueJson = answers.GetValueOrDefault(key);
            if ((found ? row.ValueJson : null) != valueJson)
            {
                changes.Add(new LibraryChange(key, found ? row.ValueJson : null, valueJson, (found ? (int)row.Version : 0) + 1));
            }
        }
        // One statement per table for the whole import: thousands of single-row statements would dominate its time.
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO library_answers (vendor_id, key, value_json, version, updated_by, updated_at)
            SELECT @vendorId, json_extract(value, '$.Key'), json_extract(value, '$.NewValueJson'), json_extract(value, '$.Version'), @userId, @at
            FROM json_each(@changes) WHERE true
            ON CONFLICT (vendor_id, key) DO UPDATE
            SET value_json = excluded.value_json, version = excluded.version,
                updated_by = excluded.updated_by, updated_at = excluded.updated_at;

            INSERT INTO library_history (vendor_id, key, version, old_value_json, new_value_json, changed_by, changed_at)
            SELECT @vendorId, json_extract(value, '$.Key'), json_extract(value, '$.Version'), json_extract(value, '$.OldValueJson'),
                   json_extract(value, '$.NewValueJson'), @userId, @at
            FROM json_each(@changes);
            """,
            new { vendorId, userId, at, changes = JsonSerializer.Serialize(changes) },
            transaction,
            cancellationToken: cancellationToken));
        var changed = changes.Count;
        write.Commit(audit?.Invoke(changed));
        return changed;
    }

    public async Task<IReadOnlyList<AnswerChange>> HistoryAsync(Guid vendorId, string? key = null, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AnswerChangeRow>(new CommandDefinition(
            """
            SELECT vendor_id AS ReviewId, key AS Key, old_value_json AS OldValueJson, new_value_json AS NewValueJson,
                   version AS Version, changed_by AS ChangedBy, changed_at AS ChangedAt
            FROM library_history
            WHERE vendor_id = @vendorId AND (@key IS NULL OR key = @key)
            ORDER BY CASE WHEN @key IS NULL THEN changed_at END, key, version
            """,
            new { vendorId, key },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToChange())];
    }

    public async Task<LibraryStatus> GetStatusAsync(Guid vendorId, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<LibraryStatusRow>(new CommandDefinition(
            """
            SELECT vendor_id AS VendorId, questionnaire_id AS QuestionnaireId, questionnaire_version AS QuestionnaireVersion,
                   as_of AS AsOf, submitted_by AS SubmittedBy, submitted_at AS SubmittedAt
            FROM vendor_libraries
            WHERE vendor_id = @vendorId
            """,
            new { vendorId },
            cancellationToken: cancellationToken));
        return row?.ToStatus() ?? LibraryStatus.NotSubmitted(vendorId);
    }

    public async Task SubmitAsync(
        Guid vendorId, string questionnaireId, string questionnaireVersion, DateOnly asOf, Guid userId, DateTimeOffset at,
        AuditEntry? audit = null, CancellationToken cancellationToken = default)
    {
        using var write = await connections.BeginWriteAsync(cancellationToken);
        await write.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO vendor_libraries (vendor_id, questionnaire_id, questionnaire_version, as_of, submitted_by, submitted_at)
            VALUES (@vendorId, @questionnaireId, @questionnaireVersion, @asOf, @userId, @at)
            ON CONFLICT (vendor_id) DO UPDATE
            SET questionnaire_id = excluded.questionnaire_id, questionnaire_version = excluded.questionnaire_version,
                as_of = excluded.as_of, submitted_by = excluded.submitted_by, submitted_at = excluded.submitted_at
            """,
            new
            {
                vendorId, questionnaireId, questionnaireVersion,
                asOf = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), userId, at,
            },
            write.Transaction,
            cancellationToken: cancellationToken));
        write.Commit(audit);
    }
}
