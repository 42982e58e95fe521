using System.Collections.Concurrent;
using System.Diagnostics;
using Diligence.Data.Tests.Contracts;

namespace Diligence.Data.Tests.Sqlite;

/// <summary>Each store call is one span of the data layer's source, named after the store and method, ended with its connection.</summary>
[NonParallelizable]
public sealed class SqliteTracingTests
{
    private SqliteTestDatabase _database = null!;
    private ActivityListener _listener = null!;
    private readonly ConcurrentQueue<Activity> _stopped = new();

    [SetUp]
    public async Task ListenToTheDataSource()
    {
        _database = new SqliteTestDatabase();
        await _database.Migrations.MigrateAsync();
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == DataTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [TearDown]
    public void StopListening()
    {
        _listener.Dispose();
        _database.Dispose();
    }

    [Test]
    public async Task A_read_and_a_write_are_one_finished_span_each_under_the_caller()
    {
        using var parent = new Activity("request").Start();
        var vendor = TestData.Vendor();

        await _database.Vendors.CreateAsync(vendor);
        await _database.Vendors.GetAsync(vendor.Id);
        parent.Stop();

        var spans = _stopped.Where(a => a.ParentId == parent.Id).ToList();
        Assert.That(spans.Select(a => a.DisplayName), Is.EqualTo(new[] { "SqliteVendorStore.CreateAsync", "SqliteVendorStore.GetAsync" }));
        Assert.That(spans.Select(a => a.GetTagItem("db.system")), Is.All.EqualTo("sqlite"));
        Assert.That(spans.Select(a => a.Kind), Is.All.EqualTo(ActivityKind.Client));
    }

    [Test]
    public async Task A_write_transaction_is_named_after_the_store_method_that_began_it()
    {
        var review = await _database.SeedReviewAsync();
        using var parent = new Activity("request").Start();

        await _database.Answers.SaveAsync(review.Id, "q.key", "{\"value\":\"x\"}", 0, review.OwnerId, TestData.Now);
        parent.Stop();

        Assert.That(_stopped.Where(a => a.ParentId == parent.Id).Select(a => a.DisplayName), Does.Contain("SqliteAnswerStore.SaveAsync"));
    }
}
