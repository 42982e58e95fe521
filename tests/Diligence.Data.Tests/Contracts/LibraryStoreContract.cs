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

    [Test]
    public async Task Confirming_all_accepts_the_listed_answers_still_the_vendors_with_one_event_counting_them()
    {
        var review = await SeedReviewAsync();
        var user = Guid.NewGuid();
        await Database.Libraries.ReplaceAsync(review.VendorId, new Dictionary<string, string> { ["a"] = "1", ["b"] = "2", ["c"] = "3", ["d"] = "4" }, user, At);
        await Database.Provenance.PrefillAsync(review.Id, review.VendorId, ["a", "b", "c", "d"], review.OwnerId, At);
        await Database.Answers.SaveAsync(review.Id, "b", "reviewer", 1, review.OwnerId, At);
        await Database.Provenance.ConfirmAsync(review.Id, "c", review.OwnerId, At);

        var confirmed = await Database.Provenance.ConfirmAllAsync(review.Id, ["a", "b", "c", "missing"], user, At.AddHours(1),
            count => TestData.AuditEntry($"accepted={count}"));
        var again = await Database.Provenance.ConfirmAllAsync(review.Id, ["a", "b", "c"], user, At.AddHours(2),
            count => TestData.AuditEntry($"again={count}"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That((confirmed, again), Is.EqualTo((1, 0)));
            var provenance = (await Database.Provenance.ListAsync(review.Id)).ToDictionary(p => p.Key);
            Assert.That((provenance["a"].ConfirmedBy, provenance["a"].ConfirmedAt), Is.EqualTo(((Guid?)user, (DateTimeOffset?)At.AddHours(1))));
            Assert.That(provenance["b"].ConfirmedAt, Is.Null, "overridden: the reviewer's answer, not the vendor's");
            Assert.That(provenance["c"].ConfirmedBy, Is.EqualTo(review.OwnerId), "already confirmed, kept");
            Assert.That(provenance["d"].ConfirmedAt, Is.Null, "not listed");
            var events = await Database.Audit.StreamAsync(AuditFilter.All).ToListAsync();
            Assert.That(events.Select(e => e.ResourceId), Is.EqualTo(new[] { "accepted=1" }));
        }
    }

    [Test]
    public async Task Confirming_all_refuses_a_decided_or_unknown_review()
    {
        var decided = await SeedReviewAsync(ReviewStatus.ReadyForCommittee);
        await Database.Reviews.UpdateAsync(decided with { Status = ReviewStatus.Decided, Decision = Decision.Approve }, decided.Version);

        Assert.That(() => Database.Provenance.ConfirmAllAsync(decided.Id, ["a"], Guid.NewGuid(), At), Throws.TypeOf<InvalidOperationException>());
        Assert.That(() => Database.Provenance.ConfirmAllAsync(Guid.NewGuid(), ["a"], Guid.NewGuid(), At), Throws.TypeOf<KeyNotFoundException>());
    }

    [Test]
    public async Task Taking_a_library_answer_saves_it_with_history_and_event_and_makes_it_vendor_supplied_again()
    {
        var review = await SeedReviewAsync();
        var user = Guid.NewGuid();
        await Database.Libraries.ReplaceAsync(review.VendorId, new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" }, user, At);
        await Database.Provenance.PrefillAsync(review.Id, review.VendorId, ["b"], review.OwnerId, At);
        await Database.Provenance.ConfirmAsync(review.Id, "b", review.OwnerId, At);
        await Database.Answers.SaveAsync(review.Id, "a", "reviewer", 0, review.OwnerId, At);
        await Database.Libraries.SaveAsync(review.VendorId, "b", "3", 1, user, At.AddDays(1));

        var takenA = await Database.Provenance.TakeLibraryAnswerAsync(review.Id, "a", 1, user, At.AddDays(2),
            (before, saved) => TestData.AuditEntry($"a {before?.ValueJson} v{saved.Version}"));
        var takenB = await Database.Provenance.TakeLibraryAnswerAsync(review.Id, "b", 1, user, At.AddDays(2));
        var stale = await Database.Provenance.TakeLibraryAnswerAsync(review.Id, "a", 1, user, At.AddDays(2), (_, _) => TestData.AuditEntry("stale"));
        var missing = await Database.Provenance.TakeLibraryAnswerAsync(review.Id, "missing", 0, user, At.AddDays(2));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(((AnswerSaveResult.Saved)takenA!).Version, Is.EqualTo(2));
            Assert.That(((AnswerSaveResult.Saved)takenB!).Version, Is.EqualTo(2));
            Assert.That(stale, Is.InstanceOf<AnswerSaveResult.Conflict>());
            Assert.That(missing, Is.Null);
            var answers = (await Database.Answers.ListAsync(review.Id)).ToDictionary(a => a.Key, a => a.ValueJson);
            Assert.That(answers, Is.EquivalentTo(new Dictionary<string, string> { ["a"] = "1", ["b"] = "3" }));
            Assert.That((await Database.Answers.HistoryAsync(review.Id, "a")).Select(c => (c.OldValueJson, c.NewValueJson)),
                Is.EqualTo(new[] { ((string?)null, (string?)"reviewer"), ("reviewer", "1") }));
            var provenance = (await Database.Provenance.ListAsync(review.Id)).ToDictionary(p => p.Key);
            Assert.That((provenance["a"].VendorValueJson, provenance["a"].StatusFor("1")), Is.EqualTo(("1", ProvenanceStatus.Prefilled)));
            Assert.That((provenance["b"].VendorValueJson, provenance["b"].VendorUpdatedAt, provenance["b"].StatusFor("3")),
                Is.EqualTo(("3", At.AddDays(1), ProvenanceStatus.Prefilled)));
            var events = await Database.Audit.StreamAsync(AuditFilter.All).ToListAsync();
            Assert.That(events.Select(e => e.ResourceId), Is.EqualTo(new[] { "a reviewer v2" }));
        }
        Assert.That(() => Database.Provenance.TakeLibraryAnswerAsync(Guid.NewGuid(), "a", 0, user, At), Throws.TypeOf<KeyNotFoundException>());
    }
}
