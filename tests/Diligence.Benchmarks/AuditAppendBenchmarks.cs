using BenchmarkDotNet.Attributes;
using Diligence.Core.Accounts;
using Diligence.Core.Audit;
using Diligence.Core.Reviews;
using Diligence.Core.Vendors;
using Diligence.Data;
using Diligence.Data.Sqlite;

namespace Diligence.Benchmarks;

/// <summary>
/// What the audit trail adds to an answer save, on a real SQLite file. Goal: the append under 10 % of the save it
/// records. The app writes the event in the answer's own transaction (<see cref="AnswerSaveWithAuditEvent"/>);
/// <see cref="AnswerSaveThenAuditAppend"/> is the two-transaction way, for comparison.
/// </summary>
[MemoryDiagnoser]
[InProcess]
[WarmupCount(3)]
[IterationCount(10)]
public class AuditAppendBenchmarks
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "diligence-bench-" + Guid.NewGuid().ToString("N"));
    private SqliteStorage _storage = null!;
    private Guid _reviewId;
    private Guid _userId;
    private int _version;
    private int _value;

    [GlobalSetup]
    public async Task Setup()
    {
        _storage = new SqliteStorage(new StorageOptions { DataDirectory = _directory });
        await _storage.Migrations.MigrateAsync();
        var now = DateTimeOffset.UtcNow;
        var vendor = new Vendor(Guid.NewGuid(), "Bench", null, null, null, now);
        await _storage.Vendors.CreateAsync(vendor);
        await _storage.Questionnaires.PublishAsync(new StoredQuestionnaire("bench", "1.0.0", "hash", "Bench", "id: bench", now));
        _userId = Guid.NewGuid();
        await _storage.Users.CreateAsync(new UserAccount(_userId, "bench@example.com", "Bench", "x", Role.Reviewer, null, false, now));
        _reviewId = Guid.NewGuid();
        await _storage.Reviews.CreateAsync(new Review(_reviewId, vendor.Id, "bench", "1.0.0", "hash", ReviewStatus.Draft, _userId,
            null, null, null, now, now, 1));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _storage.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public Task AnswerSave() => SaveAsync();

    [Benchmark]
    public Task AnswerSaveWithAuditEvent() => SaveAsync((_, _) => Entry());

    [Benchmark]
    public async Task AnswerSaveThenAuditAppend()
    {
        await SaveAsync();
        await _storage.Audit.AppendAsync(Entry());
    }

    [Benchmark]
    public Task<AuditEvent> AuditAppend() => _storage.Audit.AppendAsync(Entry());

    private async Task SaveAsync(Func<StoredAnswer?, AnswerSaveResult.Saved, AuditEntry>? audit = null)
    {
        var result = await _storage.Answers.SaveAsync(
            _reviewId, "q.key", $"{{\"value\":\"{_value++}\"}}", _version, _userId, DateTimeOffset.UtcNow, audit);
        _version = result is AnswerSaveResult.Saved saved ? saved.Version : throw new InvalidOperationException("conflict");
    }

    private AuditEntry Entry() => new(
        DateTimeOffset.UtcNow, "bench@example.com", "Reviewer", AuditActions.AnswerSaved, "answer", $"{_reviewId}/q.key",
        "version=1 value=sha256:0123456789ab", "version=2 value=sha256:ba9876543210", "127.0.0.1", "0HN7:00000001");
}
