using System.Globalization;
using System.Text.Json;
using Dapper;
using Diligence.Core.Audit;
using Diligence.Core.Reviews;
using Diligence.Core.Vendors;
using Diligence.Data.Sqlite;

namespace Diligence.Data.SqlServer;

public sealed class SqlServerLibraryStore(SqlServerConnectionFactory connections) : ILibraryStore
{
    private const string ListSql = """
        SELECT vendor_id AS ReviewId, [key] AS [Key], value_json AS ValueJson, version AS Version,
               updated_by AS UpdatedBy, updated_at AS UpdatedAt
        FROM library_answers
        WHERE vendor_id = @vendorId AND value_json IS NOT NULL
        ORDER BY [key]
        """;

    // The update lock on the key's range makes a concurrent save of the same key wait for this one.
    private const string CurrentSql = """
        SELECT v.id AS ReviewId, @key AS [Key], a.value_json AS ValueJson, COALESCE(a.version, 0) AS Version,
               a.updated_by AS UpdatedBy, a.updated_at AS UpdatedAt
        FROM vendors v
        LEFT JOIN library_answers a WITH (UPDLOCK, HOLDLOCK) ON a.vendor_id = v.id AND a.[key] = @key
        WHERE v.id = @vendorId
        """;

    private const string WriteSql = """
        UPDATE library_answers WITH (UPDLOCK, SERIALIZABLE)
        SET value_json = @valueJson, version = @newVersion, updated_by = @userId, updated_at = @at
        WHERE vendor_id = @vendorId AND [key] = @key AND version = @currentVersion;
        IF @@ROWCOUNT = 0
            INSERT INTO library_answers (vendor_id, [key], value_json, version, updated_by, updated_at)
            VALUES (@vendorId, @key, @valueJson, @newVersion, @userId, @at);

        INSERT INTO library_history (vendor_id, [key], version, old_value_json, new_value_json, changed_by, changed_at)
        VALUES (@vendorId, @key, @newVersion, @oldValueJson, @valueJson, @userId, @at);
        """;

    private const string AllForUpdateSql = """
        SELECT vendor_id AS ReviewId, [key] AS [Key], value_json AS ValueJson, version AS Version,
               updated_by AS UpdatedBy, updated_at AS UpdatedAt
        FROM library_answers WITH (UPDLOCK, HOLDLOCK)
        WHERE vendor_id = @vendorId
        """;

    /// <summary>The JSON list of <see cref="LibraryChange"/> an import sends, as rows; review imports read it too.</summary>
    internal const string Changes = """
        OPENJSON(@changes) WITH (
            [Key] nvarchar(200) '$.Key',
            OldValueJson nvarchar(max) '$.OldValueJson',
            NewValueJson nvarchar(max) '$.NewValueJson',
            Version int '$.Version')
        """;

    // One statement per step for the whole import: thousands of single-row statements would dominate its time.
    private const string ReplaceSql = $"""
        UPDATE a
        SET value_json = c.NewValueJson, version = c.Version, updated_by = @userId, updated_at = @at
        FROM library_answers a
        JOIN {Changes} c ON a.[key] = c.[Key] COLLATE Latin1_General_100_BIN2
        WHERE a.vendor_id = @vendorId;

        INSERT INTO library_answers (vendor_id, [key], value_json, version, updated_by, updated_at)
        SELECT @vendorId, c.[Key], c.NewValueJson, c.Version, @userId, @at
        FROM {Changes} c
        WHERE c.Version = 1;

        INSERT INTO library_history (vendor_id, [key], version, old_value_json, new_value_json, changed_by, changed_at)
        SELECT @vendorId, c.[Key], c.Version, c.OldValueJson, c.NewValueJson, @userId, @at
        FROM {Changes} c;
        """;

    private const string HistorySql = """
        SELECT vendor_id AS ReviewId, [key] AS [Key], old_value_json AS OldValueJson, new_value_json AS NewValueJson,
               version AS Version, changed_by AS ChangedBy, changed_at AS ChangedAt
        FROM library_history
        WHERE vendor_id = @vendorId AND (@key IS NULL OR [key] = @key)
        ORDER BY CASE WHEN @key IS NULL THEN changed_at END, [key], version
        """;

    // as_of is a date; read back as ISO text (style 23) for the row both providers share.
    private const string GetStatusSql = """
        SELECT vendor_id AS VendorId, questionnaire_id AS QuestionnaireId, questionnaire_version AS QuestionnaireVersion,
               CONVERT(char(10), as_of, 23) AS AsOf, submitted_by AS SubmittedBy, submitted_at AS SubmittedAt
        FROM vendor_libraries
        WHERE vendor_id = @vendorId
        """;

    private const string SubmitSql = """
        UPDATE vendor_libraries WITH (UPDLOCK, SERIALIZABLE)
        SET questionnaire_id = @questionnaireId, questionnaire_version = @questionnaireVersion,
            as_of = CONVERT(date, @asOf, 23), submitted_by = @userId, submitted_at = @at
        WHERE vendor_id = @vendorId;
        IF @@ROWCOUNT = 0
            INSERT INTO vendor_libraries (vendor_id, questionnaire_id, questionnaire_version, as_of, submitted_by, submitted_at)
            VALUES (@vendorId, @questionnaireId, @questionnaireVersion, CONVERT(date, @asOf, 23), @userId, @at);
        """;

    public async Task<IReadOnlyList<StoredAnswer>> ListAsync(Guid vendorId, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AnswerRow>(new CommandDefinition(ListSql, new { vendorId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToAnswer()!)];
    }

    public async Task<AnswerSaveResult> SaveAsync(
        Guid vendorId, string key, string? valueJson, int expectedVersion, Guid userId, DateTimeOffset at,
        Func<StoredAnswer?, AnswerSaveResult.Saved, AuditEntry>? audit = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction();
        var current = await connection.QuerySingleOrDefaultAsync<AnswerRow>(new CommandDefinition(
            CurrentSql, new { vendorId, key }, transaction, cancellationToken: cancellationToken))
            ?? throw new KeyNotFoundException($"Vendor {vendorId} does not exist.");
        var isEmpty = current.ValueJson is null;
        if (expectedVersion != current.Version && !(isEmpty && expectedVersion == 0))
        {
            return new AnswerSaveResult.Conflict(current.ToAnswer(), current.Version);
        }
        if (valueJson is null && isEmpty)
        {
            return new AnswerSaveResult.Saved(null, current.Version);
        }
        var newVersion = current.Version + 1;
        await connection.ExecuteAsync(new CommandDefinition(
            WriteSql,
            new { vendorId, key, valueJson, oldValueJson = current.ValueJson, currentVersion = current.Version, newVersion, userId, at },
            transaction,
            cancellationToken: cancellationToken));
        var saved = valueJson is null ? null : new StoredAnswer(vendorId, key, valueJson, newVersion, userId, at);
        var result = new AnswerSaveResult.Saved(saved, newVersion);
        if (audit is not null)
        {
            await SqlServerAuditStore.AppendAsync(connections, connection, transaction, audit(current.ToAnswer(), result), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public async Task<int> ReplaceAsync(
        Guid vendorId, IReadOnlyDictionary<string, string> answers, Guid userId, DateTimeOffset at,
        Func<int, AuditEntry>? audit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answers);
        using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction();
        var current = (await connection.QueryAsync<AnswerRow>(new CommandDefinition(
            AllForUpdateSql, new { vendorId }, transaction, cancellationToken: cancellationToken)))
            .ToDictionary(r => r.Key, StringComparer.Ordinal);
        var changes = new List<LibraryChange>();
        foreach (var key in answers.Keys.Union(current.Keys, StringComparer.Ordinal))
        {
            var row = current.GetValueOrDefault(key);
            var valueJson = answers.GetValueOrDefault(key);
            if (row?.ValueJson != valueJson)
            {
                changes.Add(new LibraryChange(key, row?.ValueJson, valueJson, (row?.Version ?? 0) + 1));
            }
        }
        // Version 1 marks a key the library has no row for yet: the update finds nothing, the insert adds it.
        await connection.ExecuteAsync(new CommandDefinition(
            ReplaceSql,
            new { vendorId, userId, at, changes = JsonSerializer.Serialize(changes) },
            transaction,
            cancellationToken: cancellationToken));
        await SqlServerAuditStore.CommitAsync(connections, connection, transaction, audit?.Invoke(changes.Count), cancellationToken);
        return changes.Count;
    }

    public async Task<IReadOnlyList<AnswerChange>> HistoryAsync(Guid vendorId, string? key = null, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AnswerChangeRow>(new CommandDefinition(
            HistorySql, new { vendorId, key }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToChange())];
    }

    public async Task<LibraryStatus> GetStatusAsync(Guid vendorId, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<LibraryStatusRow>(new CommandDefinition(
            GetStatusSql, new { vendorId }, cancellationToken: cancellationToken));
        return row?.ToStatus() ?? LibraryStatus.NotSubmitted(vendorId);
    }

    public async Task SubmitAsync(
        Guid vendorId, string questionnaireId, string questionnaireVersion, DateOnly asOf, Guid userId, DateTimeOffset at,
        AuditEntry? audit = null, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction();
        await connection.ExecuteAsync(new CommandDefinition(
            SubmitSql,
            new
            {
                vendorId, questionnaireId, questionnaireVersion,
                asOf = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), userId, at,
            },
            transaction,
            cancellationToken: cancellationToken));
        await SqlServerAuditStore.CommitAsync(connections, connection, transaction, audit, cancellationToken);
    }
}
