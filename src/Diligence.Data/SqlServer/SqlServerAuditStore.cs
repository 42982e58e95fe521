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
    // Whether the row is keyed says if this log may be appended to with the key.
    private const string IssueSequenceSql = """
        UPDATE audit_sequence SET last_issued = last_issued + 1
        OUTPUT inserted.last_issued AS Sequence, inserted.keyed_signature AS KeyedSignature
        WHERE id = 1
        """;

    // The counter row is the signed head: it moves to every event in the event's transaction.
    private const string RaiseHeadSql = "UPDATE audit_sequence SET hash = @Hash, signature = @Signature WHERE id = 1";

    private const string WriteHeadSql = """
        UPDATE audit_sequence
        SET last_issued = @Sequence, hash = @Hash, signature = @Signature,
            keyed_from = @KeyedFrom, keyed_hash = @KeyedHash, keyed_signature = @KeyedSignature
        WHERE id = 1
        """;

    private const string ReadHeadSql = """
        SELECT last_issued AS Sequence, hash AS Hash, signature AS Signature, keyed_from AS KeyedFrom,
               keyed_hash AS KeyedHash, keyed_signature AS KeyedSignature
        FROM audit_sequence
        WHERE id = 1 AND signature IS NOT NULL AND keyed_signature IS NOT NULL
        """;

    private const string NotKeyedYet =
        "The audit log was written before audit keys and is not keyed yet: start the app once with its audit key, which checks the log and keys it.";

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
        SELECT s.last_issued AS Sequence, s.hash AS Hash, s.signature AS Signature, s.keyed_from AS KeyedFrom,
               s.keyed_hash AS KeyedHash, s.keyed_signature AS KeyedSignature
        FROM audit_sequence s WITH (HOLDLOCK)
        WHERE s.id = 1
        """;

    private const string CheckpointStartSql = """
        SELECT TOP (1) sequence AS Sequence, hash AS Hash, signature AS Signature
        FROM audit_checkpoints WITH (HOLDLOCK) ORDER BY sequence DESC
        """;

    // Before keys, the legacy check needs the highest number issued whatever the head's signatures.
    private const string LegacyHeadSql = "SELECT last_issued FROM audit_sequence WHERE id = 1";

    private const string SignCheckpointSql = "UPDATE audit_checkpoints SET signature = @Signature WHERE sequence = @Sequence";

    private const string NewestSql = "SELECT TOP (1) sequence FROM audit_events ORDER BY sequence DESC";

    private const string HashAtSql = "SELECT hash FROM audit_events WHERE sequence = @sequence";

    private const string VerifyEventsSql = $"SELECT {Columns} FROM audit_events WHERE sequence > @after ORDER BY sequence";

    // Pruning queues behind appends on the counter row, as appends do.
    private const string LockSequenceSql = "UPDATE audit_sequence SET last_issued = last_issued WHERE id = 1";

    // Never the newest event: the signed head names it, and a checkpoint covering it is refused by verification.
    private const string LastBeforeSql = """
        SELECT TOP (1) sequence AS Sequence, hash AS Hash FROM audit_events
        WHERE occurred_at < @before AND sequence < (SELECT MAX(sequence) FROM audit_events)
        ORDER BY sequence DESC
        """;

    private const string CheckpointSql = """
        INSERT INTO audit_checkpoints (sequence, hash, signature, created_at) VALUES (@Sequence, @Hash, @Signature, @CreatedAt)
        """;

    // The delete trigger lets through exactly the events the checkpoint just written covers.
    private const string DeleteCoveredSql = "DELETE FROM audit_events WHERE sequence <= @Sequence";

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<AuditEvent> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction();
        var sealedEvent = await AppendAsync(connections, connection, transaction, entry, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return sealedEvent;
    }

    /// <summary>
    /// Appends inside the caller's transaction, so a change and its event are stored together or not at all, signed with
    /// the key of <paramref name="connections"/>, and moves the signed head to it. The first event of a new log also
    /// says the chain is keyed from its start; a log written before audit keys is refused until <see cref="KeyAsync"/>.
    /// </summary>
    internal static async Task<AuditEvent> AppendAsync(
        SqlServerConnectionFactory connections, DbConnection connection, DbTransaction transaction, AuditEntry entry,
        CancellationToken cancellationToken)
    {
        var key = connections.AuditKey;
        var issued = await connection.QuerySingleAsync<(long Sequence, string? KeyedSignature)>(new CommandDefinition(
            IssueSequenceSql, transaction: transaction, cancellationToken: cancellationToken));
        if (issued.KeyedSignature is null)
        {
            if (issued.Sequence != 1)
            {
                throw new AuditKeyException(NotKeyedYet);
            }
            // Keyed from the start; last_issued keeps the number just issued, and the head moves to its event below.
            await connection.ExecuteAsync(new CommandDefinition(
                WriteHeadSql, AuditHead.Empty(key, AuditCheckpoint.Genesis) with { Sequence = 1 }, transaction, cancellationToken: cancellationToken));
        }
        var parent = await connection.QuerySingleAsync<(string? LastHash, string? CheckpointHash)>(new CommandDefinition(
            ParentSql, transaction: transaction, cancellationToken: cancellationToken));
        var sealedEvent = AuditChain.Seal(key, issued.Sequence, parent.LastHash ?? parent.CheckpointHash ?? AuditCheckpoint.Genesis.Hash, entry);
        await connection.ExecuteAsync(new CommandDefinition(AppendSql, sealedEvent, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            RaiseHeadSql, new { sealedEvent.Hash, Signature = AuditHead.SignHead(key, sealedEvent.Sequence, sealedEvent.Hash) },
            transaction, cancellationToken: cancellationToken));
        return sealedEvent;
    }

    /// <summary>Appends <paramref name="audit"/>, when given, in the caller's transaction, then commits it with the change.</summary>
    internal static async Task CommitAsync(
        SqlServerConnectionFactory connections, DbConnection connection, DbTransaction transaction, AuditEntry? audit,
        CancellationToken cancellationToken)
    {
        if (audit is not null)
        {
            await AppendAsync(connections, connection, transaction, audit, cancellationToken);
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
        var head = await ReadSignedHeadAsync(connection, transaction, VerifyHeadSql, cancellationToken);
        var start = await ReadStartAsync(connection, transaction, cancellationToken);
        using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            VerifyEventsSql, new { after = start.Sequence }, transaction, cancellationToken: cancellationToken));
        return AuditChain.Verify(ReadAll(reader, cancellationToken), connections.AuditKey, start, head);
    }

    public async Task<AuditVerification> KeyAsync(CancellationToken cancellationToken = default)
    {
        var key = connections.AuditKey;
        using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction();
        await connection.ExecuteAsync(new CommandDefinition(LockSequenceSql, transaction: transaction, cancellationToken: cancellationToken));
        var head = await ReadSignedHeadAsync(connection, transaction, ReadHeadSql, cancellationToken);
        if (head is not null)
        {
            return !head.IsKeyedWith(key) || !head.IsSignedWith(key)
                ? new AuditVerification(0, head.Sequence, "the audit head is not signed with this audit key (is it the key this log was written with?)")
                : new AuditVerification(0, null, null);
        }
        var start = await ReadStartAsync(connection, transaction, cancellationToken);
        var lastIssued = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            LegacyHeadSql, transaction: transaction, cancellationToken: cancellationToken));
        var newest = (Sequence: start.Sequence, start.Hash);
        AuditVerification verification;
        using (var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            VerifyEventsSql, new { after = start.Sequence }, transaction, cancellationToken: cancellationToken)))
        {
            verification = AuditChain.VerifyUnkeyed(
                Remember(ReadAll(reader, cancellationToken), e => newest = (e.Sequence, e.Hash)), start, lastIssued == 0 ? null : lastIssued);
        }
        if (!verification.IsIntact)
        {
            return verification;
        }
        // The chain written before keys is intact: its newest checkpoint and its end are signed now, and it goes on keyed.
        if (start.Sequence > 0 && start.Signature is null)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                SignCheckpointSql, AuditCheckpoint.Signed(key, start.Sequence, start.Hash), transaction, cancellationToken: cancellationToken));
        }
        await connection.ExecuteAsync(new CommandDefinition(
            WriteHeadSql, AuditHead.Keyed(key, newest.Sequence, newest.Hash), transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return verification;
    }

    public async Task<AuditHead?> HeadAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction();
        return await ReadSignedHeadAsync(connection, transaction, ReadHeadSql, cancellationToken);
    }

    public async Task<IReadOnlyList<string?>> CheckAnchorsAsync(IReadOnlyList<AuditAnchor> anchors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction();
        var start = await ReadStartAsync(connection, transaction, cancellationToken);
        var newest = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            NewestSql, transaction: transaction, cancellationToken: cancellationToken));
        var problems = new List<string?>(anchors.Count);
        foreach (var anchor in anchors)
        {
            var stored = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                HashAtSql, new { sequence = anchor.Sequence }, transaction, cancellationToken: cancellationToken));
            problems.Add(anchor.Mismatch(stored, start, newest ?? start.Sequence));
        }
        return problems;
    }

    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction();
        await connection.ExecuteAsync(new CommandDefinition(LockSequenceSql, transaction: transaction, cancellationToken: cancellationToken));
        var last = await connection.QuerySingleOrDefaultAsync<(long Sequence, string Hash)?>(new CommandDefinition(
            LastBeforeSql, new { before }, transaction, cancellationToken: cancellationToken));
        if (last is not { } cut)
        {
            return 0;
        }
        var checkpoint = AuditCheckpoint.Signed(connections.AuditKey, cut.Sequence, cut.Hash);
        await connection.ExecuteAsync(new CommandDefinition(
            CheckpointSql, new { checkpoint.Sequence, checkpoint.Hash, checkpoint.Signature, CreatedAt = _time.GetUtcNow() },
            transaction, cancellationToken: cancellationToken));
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            DeleteCoveredSql, new { checkpoint.Sequence }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    // A head whose signatures are not both there is a log not keyed yet: null, as when there is none.
    private static async Task<AuditHead?> ReadSignedHeadAsync(
        DbConnection connection, DbTransaction transaction, string headSql, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<(long Sequence, string? Hash, string? Signature, long? KeyedFrom, string? KeyedHash, string? KeyedSignature)?>(
            new CommandDefinition(headSql, transaction: transaction, cancellationToken: cancellationToken));
        return row is { Hash: { } hash, Signature: { } signature, KeyedFrom: { } keyedFrom, KeyedHash: { } keyedHash, KeyedSignature: { } keyedSignature } h
            ? new AuditHead(h.Sequence, hash, signature, keyedFrom, keyedHash, keyedSignature)
            : null;
    }

    private static async Task<AuditCheckpoint> ReadStartAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<(long Sequence, string Hash, string? Signature)?>(new CommandDefinition(
            CheckpointStartSql, transaction: transaction, cancellationToken: cancellationToken));
        return row is { } c ? new AuditCheckpoint(c.Sequence, c.Hash, c.Signature) : AuditCheckpoint.Genesis;
    }

    private static IEnumerable<AuditEvent> Remember(IEnumerable<AuditEvent> events, Action<AuditEvent> seen)
    {
        foreach (var e in events)
        {
            seen(e);
            yield return e;
        }
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
