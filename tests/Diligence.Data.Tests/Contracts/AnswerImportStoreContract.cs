using Diligence.Core.Reviews;

namespace Diligence.Data.Tests.Contracts;

/// <summary>What every <see cref="IAnswerImportStore"/> must do: all answers of a file, or none.</summary>
public abstract class AnswerImportStoreContract : StoreContract
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task An_import_writes_what_differs_with_history_and_keeps_other_answers()
    {
        var review = await SeedReviewAsync();
        await Database.Answers.SaveAsync(review.Id, "kept", "\"mine\"", 0, review.OwnerId, At);
        await Database.Answers.SaveAsync(review.Id, "same", "\"1\"", 0, review.OwnerId, At);
        await Database.Answers.SaveAsync(review.Id, "changed", "\"old\"", 0, review.OwnerId, At);

        var result = await Database.AnswerImports.ImportAsync(review.Id,
            [new("same", "\"1\"", 1), new("changed", "\"new\"", 1), new("added", "\"2\"", 0)], review.OwnerId, At.AddHours(1));

        Assert.That(result, Is.EqualTo(new AnswerImportResult.Imported(2)));
        var answers = (await Database.Answers.ListAsync(review.Id)).Select(a => (a.Key, a.ValueJson, a.Version));
        Assert.That(answers, Is.EquivalentTo(new[] { ("added", "\"2\"", 1), ("changed", "\"new\"", 2), ("kept", "\"mine\"", 1), ("same", "\"1\"", 1) }));
        Assert.That((await Database.Answers.HistoryAsync(review.Id, "changed")).Select(c => (c.OldValueJson, c.NewValueJson)),
            Is.EqualTo(new[] { ((string?)null, (string?)"\"old\""), ("\"old\"", "\"new\"") }));
    }

    [Test]
    public async Task An_import_that_changes_answers_is_a_change_of_the_review_and_one_that_changes_none_is_not()
    {
        var review = await SeedReviewAsync();
        var later = review.UpdatedAt.AddHours(1);

        await Database.AnswerImports.ImportAsync(review.Id, [], review.OwnerId, later);
        var unchanged = (await Database.Reviews.GetAsync(review.Id))!.UpdatedAt;
        await Database.AnswerImports.ImportAsync(review.Id, [new("added", "\"2\"", 0)], review.OwnerId, later);

        Assert.That(unchanged, Is.EqualTo(review.UpdatedAt));
        Assert.That((await Database.Reviews.GetAsync(review.Id))!.UpdatedAt, Is.EqualTo(later));
    }

    [Test]
    public async Task An_import_given_an_audit_event_appends_it_with_the_number_changed_and_a_refused_one_appends_nothing()
    {
        var review = await SeedReviewAsync();
        await Database.Answers.SaveAsync(review.Id, "a", "\"1\"", 0, review.OwnerId, At);

        await Database.AnswerImports.ImportAsync(review.Id, [new("a", "\"2\"", 1), new("b", "\"1\"", 0)], review.OwnerId, At,
            changed => TestData.AuditEntry($"imported changed={changed}"));
        var stale = await Database.AnswerImports.ImportAsync(review.Id, [new("a", "\"3\"", 1)], review.OwnerId, At,
            changed => TestData.AuditEntry($"stale changed={changed}"));

        var events = await Database.Audit.StreamAsync(AuditFilter.All).ToListAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stale, Is.InstanceOf<AnswerImportResult.Conflict>());
            Assert.That(events.Select(e => e.ResourceId), Is.EqualTo(new[] { "imported changed=2" }));
        }
    }

    [Test]
    public async Task A_key_saved_since_it_was_read_refuses_the_whole_import()
    {
        var review = await SeedReviewAsync();
        await Database.Answers.SaveAsync(review.Id, "a", "\"1\"", 0, review.OwnerId, At);
        await Database.Answers.SaveAsync(review.Id, "a", "\"2\"", 1, review.OwnerId, At);

        var result = await Database.AnswerImports.ImportAsync(review.Id,
            [new("b", "\"new\"", 0), new("a", "\"3\"", 1)], review.OwnerId, At);

        Assert.That(result, Is.InstanceOf<AnswerImportResult.Conflict>());
        Assert.That(((AnswerImportResult.Conflict)result).Keys, Is.EqualTo(new[] { "a" }));
        Assert.That((await Database.Answers.ListAsync(review.Id)).Select(a => (a.Key, a.ValueJson)), Is.EqualTo(new[] { ("a", "\"2\"") }));
    }

    [Test]
    public async Task A_decided_review_takes_no_import()
    {
        var review = await SeedReviewAsync(ReviewStatus.ReadyForCommittee);
        await Database.Reviews.UpdateAsync(review with { Status = ReviewStatus.Decided, Decision = Decision.Approve }, review.Version);

        var result = await Database.AnswerImports.ImportAsync(review.Id, [new("a", "\"1\"", 0)], review.OwnerId, At);

        Assert.That(result, Is.InstanceOf<AnswerImportResult.Locked>());
        Assert.That(await Database.Answers.ListAsync(review.Id), Is.Empty);
        Assert.That(() => Database.AnswerImports.ImportAsync(Guid.NewGuid(), [], review.OwnerId, At), Throws.TypeOf<KeyNotFoundException>());
    }
}
