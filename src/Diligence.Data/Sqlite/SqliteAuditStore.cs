using System.Runtime.CompilerServices;
using Dapper;
using Diligence.Core.Audit;
using Microsoft.Data.Sqlite;

namespace Diligence.Data.Sqlite;

public sealed class SqliteAuditStore(SqliteConnectionFactory connections, TimeProvider? time = null) : IAuditStore
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

    // The next number follows the newest event, the signed head and the retention cut; whether the head is keyed says
    // if this log may be appended to with the key.
    private const string Head = """
        SELECT (SELECT sequence FROM audit_events ORDER BY sequence DESC LIMIT 1),
               (SELECT hash FROM audit_events ORDER BY sequence DESC LIMIT 1),
               (SELECT sequence FROM audit_head),
               (SELECT sequence FROM audit_checkpoints ORDER BY sequence DESC LIMIT 1),
               (SELECT hash FROM audit_checkpoints ORDER BY sequence DESC LIMIT 1),
               (SELECT keyed_signature FROM audit_head)
        """;

    private const string RaiseHead = "UPDATE audit_head SET sequence = @sequence, hash = @hash, signature = @signature WHERE id = 1";

    private const string WriteHead = """
        INSERT INTO audit_head (id, sequence, hash, signature, keyed_from, keyed_hash, keyed_signature)
        VALUES (1, @Sequence, @Hash, @Signature, @KeyedFrom, @KeyedHash, @KeyedSignature)
        ON CONFLICT (id) DO UPDATE SET sequence = excluded.sequence, hash = excluded.hash, signature = excluded.signature,
            keyed_from = excluded.keyed_from, keyed_hash = excluded.keyed_hash, keyed_signature = excluded.keyed_signature
        """;

    private const string ReadHead = """
        SELECT sequence, hash, signature, keyed_from, keyed_hash, keyed_signature FROM audit_head
        WHERE signature IS NOT NULL AND keyed_signature IS NOT NULL
        """;

    private const string NotKeyedYet =
        "The audit log was written before audit keys and is not keyed yet: start the app once with its audit key, which checks the log and keys it.";

    private const string ReadCheckpoint = "SELECT sequence, hash, signature FROM audit_checkpoints ORDER BY sequence DESC LIMIT 1";

    private const string InsertEvent = $"""
        INSERT INTO audit_events ({Columns})
        VALUES (@sequence, @occurred_at, @actor, @role, @action, @resource_type, @resource_id, @before_summary,
                @after_summary, @client_address, @request_id, @previous_hash, @hash)
        """;

    // In the order of the VALUES above; Insert binds by position.
    private static readonly string[] InsertParameters =
    [
        "@sequence", "@occurred_at", "@actor", "@role", "@action", "@resource_type", "@resource_id", "@before_summary",
        "@after_summary", "@client_address", "@request_id", "@previous_hash", "@hash",
    ];

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<AuditEvent> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var write = await connections.BeginWriteAsync(cancellationToken);
        var sealedEvent = Append(write, entry);
        write.Commit();
        return sealedEvent;
    }

    /// <summary>
    /// Appends the entry inside a write another store has begun, so the event commits or rolls back with that store's
    /// change.
    /// </summary>
    internal static AuditEvent Append(SqliteWrite write, AuditEntry entry)
    {
        var sealedEvent = Seal(write, entry);
        Insert(write, sealedEvent);
        return sealedEvent;
    }

    /// <summary>
    /// The next event of the chain for <paramref name="entry"/>, signed with the write's audit key, inside a write
    /// another store has begun, so the event commits or rolls back with that store's change; that store then
    /// <see cref="Insert"/>s it. The write lock is already held, so two appends cannot share a parent. The first event of
    /// a new log also writes the signed head that says the chain is keyed from its start; a log written before audit
    /// keys is refused until <see cref="KeyAsync"/> has checked and keyed it.
    /// </summary>
    internal static AuditEvent Seal(SqliteWrite write, AuditEntry entry)
    {
        long newest;
        string previousHash;
        bool keyed;
        using (var reader = write.Prepared(Head, []).ExecuteReader())
        {
            reader.Read();
            newest = Math.Max(Math.Max(Number(reader, 0), Number(reader, 2)), Number(reader, 3));
            previousHash = Text(reader, 1) ?? Text(reader, 4) ?? AuditCheckpoint.Genesis.Hash;
            keyed = !reader.IsDBNull(5);
        }
        if (!keyed)
        {
            if (newest > 0)
            {
                throw new AuditKeyException(NotKeyedYet);
            }
            SaveHead(write, AuditHead.Empty(write.AuditKey, AuditCheckpoint.Genesis));
        }
        return AuditChain.Seal(write.AuditKey, newest + 1, previousHash, entry);
    }

    /// <summary>
    /// Stores a sealed event and moves the signed head to it. Every mutation runs these statements, so they are compiled
    /// once per connection with their parameters, and run synchronously: SQLite has no asynchronous I/O, and the async
    /// path only allocated.
    /// </summary>
    internal static void Insert(SqliteWrite write, AuditEvent e)
    {
        var insert = write.Prepared(InsertEvent, InsertParameters);
        object?[] values =
        [
            e.Sequence, DateTimeOffsetTypeHandler.Format(e.OccurredAt), e.Actor, e.Role, e.Action, e.ResourceType,
            e.ResourceId, e.Before, e.After, e.ClientAddress, e.RequestId, e.PreviousHash, e.Hash,
        ];
        for (var i = 0; i < values.Length; i++)
        {
            insert.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
        insert.ExecuteNonQuery();
        var raise = write.Prepared(RaiseHead, ["@sequence", "@hash", "@signature"]);
        raise.Parameters[0].Value = e.Sequence;
        raise.Parameters[1].Value = e.Hash;
        raise.Parameters[2].Value = AuditHead.SignHead(write.AuditKey, e.Sequence, e.Hash);
        raise.ExecuteNonQuery();
    }

    public async Task<AuditPage> QueryAsync(AuditFilter filter, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        using var connection = await connections.OpenAsync(cancellationToken);
        var parameters = Parameters(filter);
        parameters.Add("skip", Math.Max(0, skip));
        parameters.Add("take", Math.Clamp(take, 1, 1000));
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM audit_events WHERE {Matches}", parameters, cancellationToken: cancellationToken));
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM audit_events WHERE {Matches} ORDER BY sequence DESC LIMIT @take OFFSET @skip";
        AddParameters(command, parameters);
        var events = new List<AuditEvent>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
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
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM audit_events WHERE {Matches} ORDER BY sequence";
        AddParameters(command, Parameters(filter));
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return Read(reader);
        }
    }

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        // One read transaction: the head, the checkpoint and the events are one snapshot even while appends go on.
        using var transaction = connection.BeginTransaction(deferred: true);
        var head = await ReadHeadAsync(connection, transaction, cancellationToken);
        var start = await ReadStartAsync(connection, transaction, cancellationToken);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {Columns} FROM audit_events WHERE sequence > @after ORDER BY sequence";
        command.Parameters.AddWithValue("@after", start.Sequence);
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return AuditChain.Verify(ReadAll(reader, cancellationToken), connections.AuditKey, start, head);
    }

    public async Task<AuditVerification> KeyAsync(CancellationToken cancellationToken = default)
    {
        using var write = await connections.BeginWriteAsync(cancellationToken);
        var (connection, transaction) = (write.Connection, write.Transaction);
        var head = await ReadHeadAsync(connection, transaction, cancellationToken);
        if (head is not null)
        {
            return !head.IsKeyedWith(connections.AuditKey) || !head.IsSignedWith(connections.AuditKey)
                ? new AuditVerification(0, head.Sequence, "the audit head is not signed with this audit key (is it the key this log was written with?)")
                : new AuditVerification(0, null, null);
        }
        var start = await ReadStartAsync(connection, transaction, cancellationToken);
        var lastIssued = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT sequence FROM audit_head", transaction: transaction, cancellationToken: cancellationToken));
        // Before keys, each answer save recorded its event's number and hash in its answer row instead of raising the head.
        var witness = await connection.QuerySingleOrDefaultAsync<(long Sequence, string Hash)?>(new CommandDefinition(
            """
            SELECT audit_sequence, audit_hash FROM answers WHERE audit_sequence IS NOT NULL
            UNION ALL
            SELECT audit_sequence, audit_hash FROM library_answers WHERE audit_sequence IS NOT NULL
            ORDER BY 1 DESC LIMIT 1
            """,
            transaction: transaction,
            cancellationToken: cancellationToken));
        var newest = (Sequence: start.Sequence, start.Hash);
        AuditVerification verification;
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"SELECT {Columns} FROM audit_events WHERE sequence > @after ORDER BY sequence";
            command.Parameters.AddWithValue("@after", start.Sequence);
            using var reader = await command.ExecuteReaderAsync(cancellationToken);
            verification = AuditChain.VerifyUnkeyed(
                Remember(ReadAll(reader, cancellationToken), e => newest = (e.Sequence, e.Hash)), start, lastIssued,
                witness is { } w ? new AuditWitness(w.Sequence, w.Hash) : null);
        }
        if (!verification.IsIntact)
        {
            return verification;
        }
        // The chain written before keys is intact: its newest checkpoint and its end are signed now, and it goes on keyed.
        if (start.Sequence > 0 && start.Signature is null)
        {
            var signed = AuditCheckpoint.Signed(connections.AuditKey, start.Sequence, start.Hash);
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE audit_checkpoints SET signature = @Signature WHERE sequence = @Sequence",
                signed, transaction, cancellationToken: cancellationToken));
        }
        SaveHead(write, AuditHead.Keyed(connections.AuditKey, newest.Sequence, newest.Hash));
        write.Commit();
        return verification;
    }

    public async Task<AuditHead?> HeadAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        return await ReadHeadAsync(connection, null, cancellationToken);
    }

    public async Task<IReadOnlyList<string?>> CheckAnchorsAsync(IReadOnlyList<AuditAnchor> anchors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: true);
        var start = await ReadStartAsync(connection, transaction, cancellationToken);
        var newest = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT sequence FROM audit_events ORDER BY sequence DESC LIMIT 1", transaction: transaction, cancellationToken: cancellationToken));
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT hash FROM audit_events WHERE sequence = @sequence";
        var sequence = command.Parameters.Add("@sequence", SqliteType.Integer);
        var problems = new List<string?>(anchors.Count);
        foreach (var anchor in anchors)
        {
            sequence.Value = anchor.Sequence;
            var stored = (string?)await command.ExecuteScalarAsync(cancellationToken);
            problems.Add(anchor.Mismatch(stored, start, newest ?? start.Sequence));
        }
        return problems;
    }

    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        using var write = await connections.BeginWriteAsync(cancellationToken);
        var (connection, transaction) = (write.Connection, write.Transaction);
        // Never the newest event: the signed head names it, and a checkpoint covering it is refused by verification.
        var last = await connection.QuerySingleOrDefaultAsync<(long Sequence, string Hash)?>(new CommandDefinition(
            """
            SELECT sequence, hash FROM audit_events
            WHERE occurred_at < @before AND sequence < (SELECT MAX(sequence) FROM audit_events)
            ORDER BY sequence DESC LIMIT 1
            """,
            new { before },
            transaction,
            cancellationToken: cancellationToken));
        if (last is not { } cut)
        {
            return 0;
        }
        var checkpoint = AuditCheckpoint.Signed(connections.AuditKey, cut.Sequence, cut.Hash);
        // The delete trigger lets through exactly the events this checkpoint covers.
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO audit_checkpoints (sequence, hash, signature, created_at) VALUES (@Sequence, @Hash, @Signature, @CreatedAt)",
            new { checkpoint.Sequence, checkpoint.Hash, checkpoint.Signature, CreatedAt = _time.GetUtcNow() },
            transaction,
            cancellationToken: cancellationToken));
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM audit_events WHERE sequence <= @Sequence",
            new { checkpoint.Sequence },
            transaction,
            cancellationToken: cancellationToken));
        write.Commit();
        return deleted;
    }

    private static void SaveHead(SqliteWrite write, AuditHead head) =>
        write.Connection.Execute(WriteHead, head, write.Transaction);

    private static async Task<AuditHead?> ReadHeadAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<(long Sequence, string Hash, string Signature, long KeyedFrom, string KeyedHash, string KeyedSignature)?>(
            new CommandDefinition(ReadHead, transaction: transaction, cancellationToken: cancellationToken));
        return row is { } h ? new AuditHead(h.Sequence, h.Hash, h.Signature, h.KeyedFrom, h.KeyedHash, h.KeyedSignature) : null;
    }

    private static async Task<AuditCheckpoint> ReadStartAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<(long Sequence, string Hash, string? Signature)?>(
            new CommandDefinition(ReadCheckpoint, transaction: transaction, cancellationToken: cancellationToken));
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

    private static DynamicParameters Parameters(AuditFilter filter)
    {
        var parameters = new DynamicParameters();
        parameters.Add("Actor", Blank(filter.Actor));
        parameters.Add("Action", Blank(filter.Action));
        parameters.Add("ResourceType", Blank(filter.ResourceType));
        parameters.Add("ResourceId", Blank(filter.ResourceId));
        parameters.Add("From", filter.From is { } from ? DateTimeOffsetTypeHandler.Format(from) : null);
        parameters.Add("To", filter.To is { } to ? DateTimeOffsetTypeHandler.Format(to) : null);
        return parameters;
    }

    private static void AddParameters(SqliteCommand command, DynamicParameters parameters)
    {
        foreach (var name in parameters.ParameterNames)
        {
            command.Parameters.AddWithValue("@" + name, parameters.Get<object?>(name) ?? DBNull.Value);
        }
    }

    private static long Number(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? 0 : reader.GetInt64(column);

    private static string? Text(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // Read synchronously one row at a time: verification never holds more than one event.
    private static IEnumerable<AuditEvent> ReadAll(SqliteDataReader reader, CancellationToken cancellationToken)
    {
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return Read(reader);
        }
    }

    private static AuditEvent Read(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        DateTimeOffsetTypeHandler.Parse(reader.GetString(1)),
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
