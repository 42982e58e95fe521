using BenchmarkDotNet.Attributes;
using Diligence.Core.Audit;
using Diligence.Data;
using Diligence.Data.Sqlite;

namespace Diligence.Benchmarks;

/// <summary><c>audit verify</c> over a keyed log of 1,000,000 events in SQLite (HMAC-SHA-256 chain). Goal: under 10 s.</summary>
[MemoryDiagnoser]
[InProcess]
[WarmupCount(1)]
[IterationCount(3)]
public class AuditVerifyBenchmarks
{
    private const int Events = 1_000_000;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "diligence-bench-" + Guid.NewGuid().ToString("N"));
    private SqliteStorage _storage = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _storage = new SqliteStorage(new StorageOptions { DataDirectory = _directory });
        await _storage.Migrations.MigrateAsync();
        // One transaction and one prepared insert: appending a million events one by one would take the whole run.
        using var connection = await _storage.Connections.OpenAsync();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO audit_events (sequence, occurred_at, actor, role, action, resource_type, resource_id, before_summary,
                                      after_summary, client_address, request_id, previous_hash, hash)
            VALUES ($sequence, $at, $actor, $role, $action, $type, $id, $before, $after, $client, $request, $previous, $hash)
            """;
        var names = new[] { "$sequence", "$at", "$actor", "$role", "$action", "$type", "$id", "$before", "$after", "$client", "$request", "$previous", "$hash" };
        var parameters = names.Select(n => insert.Parameters.Add(n, Microsoft.Data.Sqlite.SqliteType.Text)).ToArray();
        parameters[0].SqliteType = Microsoft.Data.Sqlite.SqliteType.Integer;
        insert.Prepare();
        var key = _storage.Connections.AuditKey;
        var previous = AuditCheckpoint.Genesis.Hash;
        var start = DateTimeOffset.UtcNow.AddDays(-30);
        for (var i = 1; i <= Events; i++)
        {
            var e = AuditChain.Seal(key, i, previous, new AuditEntry(
                start.AddSeconds(i), $"user{i % 50}@example.com", "Reviewer", AuditActions.AnswerSaved, "answer",
                $"{Guid.NewGuid()}/q{i % 300}", $"version={i} value=sha256:0123456789ab", $"version={i + 1} value=sha256:ba9876543210",
                "10.0.0.1", $"0HN7:{i:x8}"));
            object?[] values = [e.Sequence, e.OccurredAt.ToString("o", System.Globalization.CultureInfo.InvariantCulture), e.Actor, e.Role, e.Action,
                e.ResourceType, e.ResourceId, e.Before, e.After, e.ClientAddress, e.RequestId, e.PreviousHash, e.Hash];
            for (var p = 0; p < values.Length; p++)
            {
                parameters[p].Value = values[p] ?? DBNull.Value;
            }
            insert.ExecuteNonQuery();
            previous = e.Hash;
        }
        // The signed head the store writes with every event, here once for the last.
        using var head = connection.CreateCommand();
        head.Transaction = transaction;
        head.CommandText = """
            INSERT INTO audit_head (id, sequence, hash, signature, keyed_from, keyed_hash, keyed_signature)
            VALUES (1, $sequence, $hash, $signature, $keyedFrom, $keyedHash, $keyedSignature)
            """;
        var signed = AuditHead.Empty(key, AuditCheckpoint.Genesis).After(key, new AuditEvent(
            Events, start, "", "", "", "", "", null, null, null, null, "", previous));
        head.Parameters.AddWithValue("$sequence", signed.Sequence);
        head.Parameters.AddWithValue("$hash", signed.Hash);
        head.Parameters.AddWithValue("$signature", signed.Signature);
        head.Parameters.AddWithValue("$keyedFrom", signed.KeyedFrom);
        head.Parameters.AddWithValue("$keyedHash", signed.KeyedHash);
        head.Parameters.AddWithValue("$keyedSignature", signed.KeyedSignature);
        head.ExecuteNonQuery();
        transaction.Commit();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _storage.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark]
    public async Task<AuditVerification> VerifyMillionEvents()
    {
        var result = await _storage.Audit.VerifyAsync();
        return result.IsIntact && result.Count == Events ? result : throw new InvalidOperationException(result.ToString());
    }
}
