using BenchmarkDotNet.Attributes;
using Diligence.Core.Accounts;
using Diligence.Core.Answers;
using Diligence.Core.Definitions;
using Diligence.Core.Evaluation;
using Diligence.Core.Reviews;
using Diligence.Core.Vendors;
using Diligence.Data;
using Diligence.Data.Sqlite;
using Diligence.Tests.Shared;

namespace Diligence.Benchmarks;

/// <summary>
/// The vendor library on a real SQLite file. Goals: importing a 2,000-item answers file (read, validate, store) under
/// 200 ms; prefilling a review of the ten-step questionnaire from a sample vendor's library under 20 ms.
/// </summary>
[MemoryDiagnoser]
public class LibraryBenchmarks
{
    private const int ItemCount = 2000;

    private readonly Guid _user = Guid.NewGuid();
    private string _folder = "";
    private SqliteStorage _storage = null!;
    private QuestionnaireEvaluator _large = null!;
    private Questionnaire _tenStep = null!;
    private string[] _files = [];
    private int _next;
    private Guid _importVendor;
    private Guid _storeVendor;
    private Dictionary<string, string>[] _serialized = [];
    private int _nextStored;
    private Guid _sampleVendor;
    private Guid _review;
    private IReadOnlyList<string> _vendorKeys = [];

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "diligence-bench-" + Guid.NewGuid().ToString("N"));
        _storage = new SqliteStorage(new StorageOptions { DataDirectory = _folder });
        _storage.Migrations.MigrateAsync().GetAwaiter().GetResult();
        // Built once per questionnaire version, as the web app's catalog does.
        _large = new QuestionnaireEvaluator(QuestionnaireLoader.Load(LargeQuestionnaireGenerator.QuestionnaireYaml(ItemCount), "large.yaml").Value!);
        // Alternating files, so every import really changes about half the library.
        _files = [LargeQuestionnaireGenerator.AnswersYaml(ItemCount), LargeQuestionnaireGenerator.AnswersYaml(ItemCount, i => i % 2 == 0)];
        _serialized = [.. _files.Select(f => Json(AnswersLoader.Load(f, "answers.yaml", _large, null, Audience.Vendor).Value!))];
        _tenStep = QuestionnaireLoader.LoadFile(BenchmarkFiles.TenStepQuestionnaire).Value!;
        _vendorKeys = [.. _tenStep.AnswerableItems.Where(i => i.Audience.HasFlag(Audience.Vendor)).Select(i => i.Key)];
        Run(async () =>
        {
            await _storage.Users.CreateAsync(new UserAccount(_user, "bench@example.com", "Bench", "x", Role.Reviewer, null, false, DateTimeOffset.UtcNow));
            await _storage.Questionnaires.PublishAsync(new StoredQuestionnaire(
                _tenStep.Id, _tenStep.Version, _tenStep.ContentHash, _tenStep.Title,
                await File.ReadAllTextAsync(BenchmarkFiles.TenStepQuestionnaire), DateTimeOffset.UtcNow));
            _importVendor = await AddVendorAsync("Import");
            _storeVendor = await AddVendorAsync("Store");
            _sampleVendor = await AddVendorAsync("Astronomer");
            var sample = AnswersLoader.LoadFile(RepositoryRoot.Combine("questionnaires", "samples", "astronomer-astro.answers.yaml"), _tenStep).Value!;
            await _storage.Libraries.ReplaceAsync(_sampleVendor, Json(sample), _user, DateTimeOffset.UtcNow);
        });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _storage.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark]
    public async Task<int> Import2000ItemAnswersFile()
    {
        var sheet = AnswersLoader.Load(_files[_next++ % 2], "answers.yaml", _large, null, Audience.Vendor).Value
            ?? throw new InvalidOperationException("the generated answers do not load");
        return await _storage.Libraries.ReplaceAsync(_importVendor, Json(sheet), _user, DateTimeOffset.UtcNow);
    }

    /// <summary>The storing part of the import alone: the same alternating files, already read and serialized.</summary>
    [Benchmark]
    public Task<int> Store2000ItemAnswers() =>
        _storage.Libraries.ReplaceAsync(_storeVendor, _serialized[_nextStored++ % 2], _user, DateTimeOffset.UtcNow);

    /// <summary>The reading and validating part of the import alone.</summary>
    [Benchmark]
    public AnswerSheet Read2000ItemAnswersFile() =>
        AnswersLoader.Load(_files[0], "answers.yaml", _large, null, Audience.Vendor).Value ?? throw new InvalidOperationException("the generated answers do not load");

    [IterationSetup(Target = nameof(PrefillReviewFromLibrary))]
    public void NewReview()
    {
        var now = DateTimeOffset.UtcNow;
        _review = Guid.NewGuid();
        Run(() => _storage.Reviews.CreateAsync(new Review(_review, _sampleVendor, _tenStep.Id, _tenStep.Version, _tenStep.ContentHash,
            ReviewStatus.Draft, _user, null, null, null, now, now, 1)));
    }

    [Benchmark]
    public Task<int> PrefillReviewFromLibrary() =>
        _storage.Provenance.PrefillAsync(_review, _sampleVendor, [.. _vendorKeys], _user, DateTimeOffset.UtcNow);

    private async Task<Guid> AddVendorAsync(string name)
    {
        var vendor = new Vendor(Guid.NewGuid(), name, null, null, null, DateTimeOffset.UtcNow);
        await _storage.Vendors.CreateAsync(vendor);
        return vendor.Id;
    }

    private static Dictionary<string, string> Json(AnswerSheet sheet) =>
        sheet.ByKey.ToDictionary(a => a.Key, a => AnswerJson.Serialize(a.Value), StringComparer.Ordinal);

    private static void Run(Func<Task> action) => action().GetAwaiter().GetResult();
}
