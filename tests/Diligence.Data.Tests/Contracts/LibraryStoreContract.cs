using Diligence.Core.Reviews;

namespace Diligence.Data.Tests.Contracts;

/// <summary>What every <see cref="ILibraryStore"/> and <see cref="IProvenanceStore"/> must do.</summary>
public abstract class LibraryStoreContract : StoreContract
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Saves_check_the_version_and_keep_history()
    {
        var vendor = await SeedVendorAsync();
        var user = Guid.NewGuid();

        var first = await Database.Libraries.SaveAsync(vendor.Id, "a.key", "{\"value\":\"one\"}", 0, user, At);
        var stale = await Database.Libraries.SaveAsync(vendor.Id, "a.key", "{\"value\":\"two\"}", 0, user, At);
        var second = await Database.Libraries.SaveAsync(vendor.Id, "a.key", "{\"value\":\"two\"}", 1, user, At);

        Assert.That(first, Is.InstanceOf<AnswerSaveResult.Saved>());
        Assert.That(stale, Is.InstanceOf<AnswerSaveResult.Conflict>());
        Assert.That(((AnswerSaveResult.Saved)second).Version, Is.EqualTo(2));
        Assert.That((await Database.Libraries.HistoryAsync(vendor.Id, "a.key")).Select(c => c.NewValueJson),
            Is.EqualTo(new[] { "{\"value\":\"one\"}", "{\"value\":\"two\"}" }));
        Assert.That(() => Database.Libraries.SaveAsync(Guid.NewGuid(), "a.key", "{}", 0, user, At), Throws.TypeOf<KeyNotFoundException>());
    }

    [Test]
    public async Task A_save_given_an_audit_entry_appends_it_with_the_change_and_a_stale_save_appends_nothing()
    {
        var vendor = await SeedVendorAsync();
        var user = Guid.NewGuid();

        await Database.Libraries.SaveAsync(vendor.Id, "a.key", "{\"value\":\"one\"}", 0, user, At,
            (before, saved) => TestData.AuditEntry($"{vendor.Id}/a.key v{saved.Version} after {before?.Version ?? 0}"));
        await Database.Libraries.SaveAsync(vendor.Id, "a.key", "{\"value\":\"two\"}", 0, user, At,
            (_, _) => TestData.AuditEntry("stale"));

        var events = await Database.Audit.QueryAsync(AuditFilter.All, 0, 10);
        Assert.That(events.Events.Select(e => e.ResourceId), Is.EqualTo(new[] { $"{vendor.Id}/a.key v1 after 0" }));
        Assert.That((await Database.Audit.VerifyAsync()).IsIntact, Is.True);
    }

    [Test]
    public async Task Replacing_and_submitting_given_audit_events_append_them_with_the_change()
    {
        var vendor = await SeedVendorAsync();
        var user = Guid.NewGuid();

        await Database.Libraries.ReplaceAsync(vendor.Id, new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" }, user, At,
            changed => TestData.AuditEntry($"imported changed={changed}"));
        await Database.Libraries.SubmitAsync(vendor.Id, "vendor-security-diligence", "1.0.0", new DateOnly(2026, 11, 1), user, At,
            TestData.AuditEntry("submitted"));

        var events = await Database.Audit.StreamAsync(AuditFilter.All).ToListAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(events.Select(e => e.ResourceId), Is.EqualTo(new[] { "imported changed=2", "submitted" }));
            Assert.That((await Database.Libraries.GetStatusAsync(vendor.Id)).AsOf, Is.EqualTo(new DateOnly(2026, 11, 1)));
        }
    }

    [Test]
    public async Task Replace_changes_only_what_differs_and_clears_what_is_missing()
    {
        var vendor = await SeedVendorAsync();
        var user = Guid.NewGuid();
        await Database.Libraries.ReplaceAsync(vendor.Id, new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" }, user, At);

        var changed = await Database.Libraries.ReplaceAsync(vendor.Id, new Dictionary<string, string> { ["a"] = "1", ["c"] = "3" }, user, At);
        var again = await Database.Libraries.ReplaceAsync(vendor.Id, new Dictionary<string, string> { ["a"] = "1", ["c"] = "3" }, user, At);

        Assert.That((changed, again), Is.EqualTo((2, 0)));
        var answers = await Database.Libraries.ListAsync(vendor.Id);
        Assert.That(answers.Select(a => (a.Key, a.ValueJson, a.Version)), Is.EqualTo(new[] { ("a", "1", 1), ("c", "3", 1) }));
        Assert.That((await Database.Libraries.HistoryAsync(vendor.Id, "b")).Select(c => c.NewValueJson), Is.EqualTo(new string?[] { "2", null }));
    }

    [Test]
    public async Task Submit_records_the_version_and_date()
    {
        var vendor = await SeedVendorAsync();

        await Database.Libraries.SubmitAsync(vendor.Id, "q", "1.0.0", new DateOnly(2026, 11, 1), Guid.Empty, At);

        var status = await Database.Libraries.GetStatusAsync(vendor.Id);
        Assert.That((status.QuestionnaireId, status.QuestionnaireVersion, status.AsOf, status.SubmittedAt),
            Is.EqualTo(("q", "1.0.0", (DateOnly?)new DateOnly(2026, 11, 1), (DateTimeOffset?)At)));
    }

    [Test]
    public async Task Prefill_copies_the_listed_library_answers_once_with_provenance()
    {
        var review = await SeedReviewAsync();
        var user = Guid.NewGuid();
        await Database.Libraries.ReplaceAsync(review.VendorId, new Dictionary<string, string> { ["a"] = "1", ["b"] = "2", ["c"] = "3" }, user, At);
        await Database.Answers.SaveAsync(review.Id, "b", "reviewer", 0, review.OwnerId, At);

        var copied = await Database.Provenance.PrefillAsync(review.Id, review.VendorId, ["a", "b", "missing"], review.OwnerId, At);
        var again = await Database.Provenance.PrefillAsync(review.Id, review.VendorId, ["a", "b"], review.OwnerId, At);

        Assert.That((copied, again), Is.EqualTo((1, 0)));
        var answers = (await Database.Answers.ListAsync(review.Id)).ToDictionary(a => a.Key, a => a.ValueJson);
        Assert.That(answers, Is.EquivalentTo(new Dictionary<string, string> { ["a"] = "1", ["b"] = "reviewer" }));
        var provenance = (await Database.Provenance.ListAsync(review.Id)).Single();
        Assert.That((provenance.Key, provenance.VendorValueJson, provenance.StatusFor("1")), Is.EqualTo(("a", "1", ProvenanceStatus.Prefilled)));
        Assert.That(await Database.Provenance.ConfirmAsync(review.Id, "a", review.OwnerId, At), Is.True);
        Assert.That((await Database.Provenance.ListAsync(review.Id)).Single().StatusFor("1"), Is.EqualTo(ProvenanceStatus.Confirmed));
        Assert.That(await Database.Provenance.ConfirmAsync(review.Id, "b", review.OwnerId, At), Is.False);
    }

    [Test]
    public async Task Prefill_keeps_the_library_as_of_date_for_answers_the_submit_covers()
    {
        var review = await SeedReviewAsync();
        var user = Guid.NewGuid();
        await Database.Libraries.ReplaceAsync(review.VendorId, new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" }, user, At);
        await Database.Libraries.SubmitAsync(review.VendorId, "q", "1.0.0", new DateOnly(2026, 3, 1), user, At.AddMinutes(1));
        // Changed after the submit: the declaration does not cover it.
        await Database.Libraries.SaveAsync(review.VendorId, "b", "3", 1, user, At.AddMinutes(2));

        await Database.Provenance.PrefillAsync(review.Id, review.VendorId, ["a", "b"], review.OwnerId, At.AddDays(1));

        var asOf = (await Database.Provenance.ListAsync(review.Id)).ToDictionary(p => p.Key, p => p.VendorAsOf);
        Assert.That(asOf, Is.EquivalentTo(new Dictionary<string, DateOnly?> { ["a"] = new DateOnly(2026, 3, 1), ["b"] = null }));
    }
}
