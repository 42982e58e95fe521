using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;
using Diligence.Core.Audit;

namespace Diligence.Data.SqlServer;

public sealed class SqlServerAuditStore(SqlServerConnectionFactory connections, TimeProvider? time = null) : IAuditStore
{
    private const string Columns = """
        sequence, occurred_at, actor, role, action, resource_type, resource_id, before_summary, after_summary,
        client_address, request_id, previous_hash, hash
        """;

    private const string Matches = """
        (@Actor IS NULL OR actor = @Actor) AND (@Action IS NULL OR action = @Action)
        AND (@ResourceType IS NULL OR resource_type = @ResourceType) AND (@ResourceId IS NULL OR resource_id = @ResourceId)
        AND (@From IS NULL OR occurred_at >= @From) AND (@To IS NULL OR occurred_at < @To)
        """;

    // Updating the one counter row takes its exclusive lock until commit: appends queue here, so two never share a parent.
    private const string IssueSequenceSql = """
        UPDATE audit_sequence SET last_issued = last_issued + 1 OUTPUT inserted.last_issued WHERE id = 1
        """;

    private const string ParentSql = """
        SELECT (SELECT TOP (1) hash FROM audit_events ORDER BY sequence DESC),
               (SELECT TOP (1) hash FROM audit_checkpoints ORDER BY sequence DESC)
        """;

    private const string AppendSql = """
        INSERT INTO audit_events (sequence, occurred_at, actor, role, action, resource_type, resource_id, before_summary,
                                  after_summary, client_address, request_id, previous_hash, hash)
        VALUES (@Sequence, @OccurredAt, @Actor, @Role, @Action, @ResourceType, @ResourceId, @Before, @After,
                @ClientAddress, @RequestId, @PreviousHash, @Hash)
        """;

    private const string CountSql = $"SELECT COUNT_BIG(*) FROM audit_events WHERE {Matches}";

    private const string PageSql = $"""
        SELECT {Columns} FROM audit_events WHERE {Matches}
        ORDER BY sequence DESC OFFSET @skip ROWS FETCH NEXT @take ROWS ONLY
        """;

    private const string StreamSql = $"SELECT {Columns} FROM audit_events WHERE {Matches} ORDER BY sequence";

    // The shared lock is held to the end of verification, so appends and pruning wait and the events read are one
    // consistent chain even on a database with read-committed snapshot on.
    private const string VerifyHeadSql = """
        SELECT s.last_issued,
               (SELECT TOP (1) sequence FROM audit_checkpoints WITH (HOLDLOCK) ORDER BY sequence DESC),
               (SELECT TOP (1) hash FROM audit_checkpoints WITH (HOLDLOCK) ORDER BY sequence DESC)
        FROM audit_sequence s WITH (HOLDLOCK)
        WHERE s.id = 1
        """;

    private const string VerifyEventsSql = $"SELECT {Columns} FROM audit_events WHERE sequence > @after ORDER BY sequence";

    // Pruning queues behind appends on the counter row, as appends do.
    private const string LockSequenceSql = "UPDATE audit_sequence SET last_issued = last_issued WHERE id = 1";

    private const string LastBeforeSql = """
        SELECT TOP (1) sequence AS Sequence, hash AS Hash FROM audit_events WHERE occurred_at < @before ORDER BY sequence DESC
        """;

    private const string CheckpointSql = "INSERT INTO audit_checkpoints (sequence, hash, created_at) VALUES (@Sequence, @Hash, @CreatedAt)";

    // The delete trigger lets through exactly the events the checkpoint just written covers.
    private const string DeleteCoveredSql = "DELETE FROM audit_events WHERE sequence <= @Sequence";

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<AuditEvent> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction();
        var sealedEvent = await AppendAsync(connection, transaction, entry, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return sealedEvent;
    }

    /// <summary>Appends inside the caller's transaction, so a change and its event are stored together or not at all.</summary>
    internal static async Task<AuditEvent> AppendAsync(
        DbConnection connection, DbTransaction transaction, AuditEntry entry, CancellationToken cancellationToken)
    {
        var sequence = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            IssueSequenceSql, transaction: transaction, cancellationToken: cancellationToken));
        var parent = await connection.QuerySingleAsync<(string? LastHash, string? CheckpointHash)>(new CommandDefinition(
            ParentSql, transaction: transaction, cancellationToken: cancellationToken));
        var sealedEvent = AuditChain.Seal(sequence, parent.LastHash ?? parent.CheckpointHash ?? AuditCheckpoint.Genesis.Hash, entry);
        await connection.ExecuteAsync(new CommandDefinition(AppendSql, sealedEvent, transaction, cancellationToken: cancellationToken));
        return sealedEvent;
    }

    /// <summary>Appends <paramref name="audit"/>, when given, in the caller's transaction, then commits it with the change.</summary>
    internal static async Task CommitAsync(
        DbConnection connection, DbTransaction transaction, AuditEntry? audit, CancellationToken cancellationToken)
    {
        if (audit is not null)
        {
            await AppendAsync(connection, transaction, audit, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<AuditPage> QueryAsync(AuditFilter filter, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        using var connection = await connections.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            CountSql, Parameters(filter), cancellationToken: cancellationToken));
        var parameters = Parameters(filter);
        parameters.Add("skip", Math.Max(0, skip), DbType.Int32);
        parameters.Add("take", Math.Clamp(take, 1, 1000), DbType.Int32);
        using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(PageSql, parameters, cancellationToken: cancellationToken));
        var events = new List<AuditEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(Read(reader));
        }
        return new AuditPage(events, total);
    }

    public async IAsyncEnumerable<AuditEvent> StreamAsync(
        AuditFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        using var connection = await connections.OpenAsync(cancellationToken);
        using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            StreamSql, Parameters(filter), cancellationToken: cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return Read(reader);
        }
    }

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction();
        var head = await connection.QuerySingleAsync<(long LastIssued, long? CheckpointSequence, string? CheckpointHash)>(
            new CommandDefinition(VerifyHeadSql, transaction: transaction, cancellationToken: cancellationToken));
        var start = head.CheckpointSequence is { } checkpoint
            ? new AuditCheckpoint(checkpoint, head.CheckpointHash!)
            : AuditCheckpoint.Genesis;
        using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            VerifyEventsSql, new { after = start.Sequence }, transaction, cancellationToken: cancellationToken));
        return AuditChain.Verify(ReadAll(reader, cancellationToken), start, head.LastIssued == 0 ? null : head.LastIssued);
    }

    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction();
        await connection.ExecuteAsync(new CommandDefinition(LockSequenceSql, transaction: transaction, cancellationToken: cancellationToken));
        var last = await connection.QuerySingleOrDefaultAsync<(long Sequence, string Hash)?>(new CommandDefinition(
            LastBeforeSql, new { before }, transaction, cancellationToken: cancellationToken));
        if (last is not { } checkpoint)
        {
            return 0;
        }
        await connection.ExecuteAsync(new CommandDefinition(
            CheckpointSql, new { checkpoint.Sequence, checkpoint.Hash, CreatedAt = _time.GetUtcNow() }, transaction, cancellationToken: cancellationToken));
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            DeleteCoveredSql, new { checkpoint.Sequence }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    // Typed explicitly, so a null filter field is still a typed NULL and times are compared as instants.
    private static DynamicParameters Parameters(AuditFilter filter)
    {
        var parameters = new DynamicParameters();
        parameters.Add("Actor", Blank(filter.Actor), DbType.String, size: 320);
        parameters.Add("Action", Blank(filter.Action), DbType.String, size: 100);
        parameters.Add("ResourceType", Blank(filter.ResourceType), DbType.String, size: 100);
        parameters.Add("ResourceId", Blank(filter.ResourceId), DbType.String, size: 400);
        parameters.Add("From", filter.From, DbType.DateTimeOffset);
        parameters.Add("To", filter.To, DbType.DateTimeOffset);
        return parameters;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // Read synchronously one row at a time: verification never holds more than one event.
    private static IEnumerable<AuditEvent> ReadAll(DbDataReader reader, CancellationToken cancellationToken)
    {
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return Read(reader);
        }
    }

    private static AuditEvent Read(DbDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetFieldValue<DateTimeOffset>(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetString(5),
        reader.GetString(6),
        reader.IsDBNull(7) ? null : reader.GetString(7),
        reader.IsDBNull(8) ? null : reader.GetString(8),
        reader.IsDBNull(9) ? null : reader.GetString(9),
        reader.IsDBNull(10) ? null : reader.GetString(10),
        reader.GetString(11),
        reader.GetString(12));
}
