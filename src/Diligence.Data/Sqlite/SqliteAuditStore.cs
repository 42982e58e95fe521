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

    // The next number follows the newest event, the highest number another append recorded, and the retention cut.
    private const string Head = """
        SELECT (SELECT sequence FROM audit_events ORDER BY sequence DESC LIMIT 1),
               (SELECT hash FROM audit_events ORDER BY sequence DESC LIMIT 1),
               (SELECT sequence FROM audit_head),
               (SELECT sequence FROM audit_checkpoints ORDER BY sequence DESC LIMIT 1),
               (SELECT hash FROM audit_checkpoints ORDER BY sequence DESC LIMIT 1)
        """;

    private const string RaiseHead = """
        INSERT INTO audit_head (id, sequence) VALUES (1, @sequence)
        ON CONFLICT (id) DO UPDATE SET sequence = MAX(sequence, excluded.sequence)
        """;

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
    /// change, and records its number in <c>audit_head</c> (so <c>audit verify</c> notices if it is removed).
    /// </summary>
    internal static AuditEvent Append(SqliteWrite write, AuditEntry entry)
    {
        var sealedEvent = Seal(write, entry);
        Insert(write, sealedEvent);
        var raise = write.Prepared(RaiseHead, ["@sequence"]);
        raise.Parameters[0].Value = sealedEvent.Sequence;
        raise.ExecuteNonQuery();
        return sealedEvent;
    }

    /// <summary>
    /// The next event of the chain for <paramref name="entry"/>, inside a write another store has begun, so the event
    /// commits or rolls back with that store's change; that store records the event's number and hash with its change
    /// and then <see cref="Insert"/>s it. The write lock is already held, so two appends cannot share a parent.
    /// </summary>
    internal static AuditEvent Seal(SqliteWrite write, AuditEntry entry)
    {
        using var reader = write.Prepared(Head, []).ExecuteReader();
        reader.Read();
        var newest = Math.Max(Math.Max(Number(reader, 0), Number(reader, 2)), Number(reader, 3));
        var previousHash = Text(reader, 1) ?? Text(reader, 4) ?? AuditCheckpoint.Genesis.Hash;
        return AuditChain.Seal(newest + 1, previousHash, entry);
    }

    /// <summary>
    /// Stores a sealed event. Every mutation runs these statements, so they are compiled once per connection with their
    /// parameters, and run synchronously: SQLite has no asynchronous I/O, and the async path only allocated.
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
        var head = await connection.QuerySingleAsync<(long? LastIssued, long? CheckpointSequence, string? CheckpointHash)>(
            new CommandDefinition(
                """
                SELECT (SELECT sequence FROM audit_head),
                       (SELECT sequence FROM audit_checkpoints ORDER BY sequence DESC LIMIT 1),
                       (SELECT hash FROM audit_checkpoints ORDER BY sequence DESC LIMIT 1)
                """,
                transaction: transaction,
                cancellationToken: cancellationToken));
        var witness = await connection.QuerySingleOrDefaultAsync<(long Sequence, string Hash)?>(new CommandDefinition(
            """
            SELECT audit_sequence, audit_hash FROM answers WHERE audit_sequence IS NOT NULL
            UNION ALL
            SELECT audit_sequence, audit_hash FROM library_answers WHERE audit_sequence IS NOT NULL
            ORDER BY 1 DESC LIMIT 1
            """,
            transaction: transaction,
            cancellationToken: cancellationToken));
        var start = head.CheckpointSequence is { } checkpoint
            ? new AuditCheckpoint(checkpoint, head.CheckpointHash!)
            : AuditCheckpoint.Genesis;
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {Columns} FROM audit_events WHERE sequence > @after ORDER BY sequence";
        command.Parameters.AddWithValue("@after", start.Sequence);
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return AuditChain.Verify(
            ReadAll(reader, cancellationToken), start, head.LastIssued, witness is { } w ? new AuditWitness(w.Sequence, w.Hash) : null);
    }

    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        using var write = await connections.BeginWriteAsync(cancellationToken);
        var (connection, transaction) = (write.Connection, write.Transaction);
        var last = await connection.QuerySingleOrDefaultAsync<(long Sequence, string Hash)?>(new CommandDefinition(
            "SELECT sequence, hash FROM audit_events WHERE occurred_at < @before ORDER BY sequence DESC LIMIT 1",
            new { before },
            transaction,
            cancellationToken: cancellationToken));
        if (last is not { } checkpoint)
        {
            return 0;
        }
        // The delete trigger lets through exactly the events this checkpoint covers.
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO audit_checkpoints (sequence, hash, created_at) VALUES (@Sequence, @Hash, @CreatedAt)",
            new { checkpoint.Sequence, checkpoint.Hash, CreatedAt = _time.GetUtcNow() },
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
