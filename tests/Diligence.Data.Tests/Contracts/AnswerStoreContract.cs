using Diligence.Core.Audit;
using Diligence.Core.Reviews;

namespace Diligence.Data.Tests.Contracts;

public abstract class AnswerStoreContract : StoreContract
{
    private const string Key = "deployment.models-offered";
    private const string Hosted = """["hosted"]""";
    private const string HostedAndDedicated = """["hosted","dedicated"]""";

    private static readonly Guid _alice = Guid.NewGuid();
    private static readonly Guid _bob = Guid.NewGuid();

    [Test]
    public async Task A_saved_answer_can_be_read_back()
    {
        var review = await SeedReviewAsync();

        var result = await Database.Answers.SaveAsync(review.Id, Key, Hosted, 0, _alice, TestData.Now);

        var expected = new StoredAnswer(review.Id, Key, Hosted, 1, _alice, TestData.Now);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result, Is.EqualTo(new AnswerSaveResult.Saved(expected, 1)));
            Assert.That(await Database.Answers.GetAsync(review.Id, Key), Is.EqualTo(expected));
        }
    }

    [Test]
    public async Task The_current_answers_of_several_reviews_are_read_at_once_without_cleared_ones_or_other_reviews()
    {
        var first = await SeedReviewAsync();
        var second = await SeedReviewAsync();
        var elsewhere = await SeedReviewAsync();
        await Database.Answers.SaveAsync(first.Id, Key, Hosted, 0, _alice, TestData.Now);
        await Database.Answers.SaveAsync(first.Id, "network.inbound", "\"no\"", 0, _alice, TestData.Now);
        await Database.Answers.SaveAsync(first.Id, "network.inbound", null, 1, _alice, TestData.Now);
        await Database.Answers.SaveAsync(second.Id, Key, HostedAndDedicated, 0, _bob, TestData.Now);
        await Database.Answers.SaveAsync(elsewhere.Id, Key, Hosted, 0, _bob, TestData.Now);

        var listed = await Database.Answers.ListAsync([first.Id, second.Id, Guid.NewGuid()]);

        Assert.That(listed, Is.EquivalentTo(new[]
        {
            new StoredAnswer(first.Id, Key, Hosted, 1, _alice, TestData.Now),
            new StoredAnswer(second.Id, Key, HostedAndDedicated, 1, _bob, TestData.Now),
        }));
    }

    [Test]
    public async Task A_saved_answer_is_a_change_of_its_review_and_an_earlier_clock_does_not_move_it_back()
    {
        var review = await SeedReviewAsync();
        var later = review.UpdatedAt.AddHours(2);

        await Database.Answers.SaveAsync(review.Id, Key, Hosted, 0, _alice, later);
        await Database.Answers.SaveAsync(review.Id, Key, HostedAndDedicated, 1, _bob, later.AddMinutes(-5));

        var stored = await Database.Reviews.GetAsync(review.Id);
        Assert.That(stored!.UpdatedAt, Is.EqualTo(later));
        Assert.That(stored.Version, Is.EqualTo(review.Version), "the review's own edits keep their version");
    }

    [Test]
    public async Task Reading_the_answers_of_no_reviews_reads_none()
    {
        var review = await SeedReviewAsync();
        await Database.Answers.SaveAsync(review.Id, Key, Hosted, 0, _alice, TestData.Now);

        Assert.That(await Database.Answers.ListAsync(Array.Empty<Guid>()), Is.Empty);
    }

    [Test]
    public async Task Each_save_moves_the_answer_to_the_next_version()
    {
        var review = await SeedReviewAsync();
        await Database.Answers.SaveAsync(review.Id, Key, Hosted, 0, _alice, TestData.Now);

        var result = await Database.Answers.SaveAsync(review.Id, Key, HostedAndDedicated, 1, _bob, TestData.Now.AddMinutes(1));

        var expected = new StoredAnswer(review.Id, Key, HostedAndDedicated, 2, _bob, TestData.Now.AddMinutes(1));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result, Is.EqualTo(new AnswerSaveResult.Saved(expected, 2)));
            Assert.That(await Database.Answers.GetAsync(review.Id, Key), Is.EqualTo(expected));
        }
    }

    [Test]
    public async Task Saving_a_stale_answer_returns_a_conflict_with_the_current_value()
    {
        var review = await SeedReviewAsync();
        await Database.Answers.SaveAsync(review.Id, Key, Hosted, 0, _alice, TestData.Now);
        await Database.Answers.SaveAsync(review.Id, Key, HostedAndDedicated, 1, _bob, TestData.Now.AddMinutes(1));

        var result = await Database.Answers.SaveAsync(review.Id, Key, """["private-cloud"]""", 1, _alice, TestData.Now.AddMinutes(2));

        var bobs = new StoredAnswer(review.Id, Key, HostedAndDedicated, 2, _bob, TestData.Now.AddMinutes(1));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result, Is.EqualTo(new AnswerSaveResult.Conflict(bobs, 2)));
            Assert.That(await Database.Answers.GetAsync(review.Id, Key), Is.EqualTo(bobs));
            Assert.That(await Database.Answers.HistoryAsync(review.Id, Key), Has.Count.EqualTo(2));
        }
    }

    [Test]
    public async Task Saving_a_first_answer_that_someone_else_already_gave_returns_a_conflict()
    {
        var review = await SeedReviewAsync();
        await Database.Answers.SaveAsync(review.Id, Key, Hosted, 0, _alice, TestData.Now);

        var result = await Database.Answers.SaveAsync(review.Id, Key, HostedAndDedicated, 0, _bob, TestData.Now);

        Assert.That(result, Is.EqualTo(new AnswerSaveResult.Conflict(new StoredAnswer(review.Id, Key, Hosted, 1, _alice, TestData.Now), 1)));
    }

    [Test]
    public async Task Saving_a_version_that_does_not_exist_yet_returns_a_conflict()
    {
        var review = await SeedReviewAsync();

        var result = await Database.Answers.SaveAsync(review.Id, Key, Hosted, 3, _alice, TestData.Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result, Is.EqualTo(new AnswerSaveResult.Conflict(null, 0)));
            Assert.That(await Database.Answers.GetAsync(review.Id, Key), Is.Null);
        }
    }

    [Test]
    public async Task Every_save_is_recorded_in_history_from_old_to_new_value_with_who_and_when()
    {
        var review = await SeedReviewAsync();
        await Database.Answers.SaveAsync(review.Id, Key, Hosted, 0, _alice, TestData.Now);
        await Database.Answers.SaveAsync(review.Id, Key, HostedAndDedicated, 1, _bob, TestData.Now.AddMinutes(1));
        await Database.Answers.SaveAsync(review.Id, Key, null, 2, _alice, TestData.Now.AddMinutes(2));

        var history = await Database.Answers.HistoryAsync(review.Id, Key);

        Assert.That(history, Is.EqualTo(new[]
        {
            new AnswerChange(review.Id, Key, null, Hosted, 1, _alice, TestData.Now),
            new AnswerChange(review.Id, Key, Hosted, HostedAndDedicated, 2, _bob, TestData.Now.AddMinutes(1)),
            new AnswerChange(review.Id, Key, HostedAndDedicated, null, 3, _alice, TestData.Now.AddMinutes(2)),
        }));
    }

    [Test]
    public async Task History_covers_every_key_of_the_review_when_no_key_is_given()
    {
        var review = await SeedReviewAsync();
        var otherReview = await SeedReviewAsync();
        await Database.Answers.SaveAsync(review.Id, Key, Hosted, 0, _alice, TestData.Now);
        await Database.Answers.SaveAsync(review.Id, "network.inbound-required", "\"no\"", 0, _alice, TestData.Now);
        await Database.Answers.SaveAsync(otherReview.Id, Key, Hosted, 0, _alice, TestData.Now);

        var history = await Database.Answers.HistoryAsync(review.Id);

        Assert.That(history.Select(c => c.Key), Is.EqualTo(new[] { Key, "network.inbound-required" }));
    }

    [Test]
    public async Task Clearing_an_answer_removes_it_and_records_the_change()
    {
        var review = await SeedReviewAsync();
        await Database.Answers.SaveAsync(review.Id, Key, Hosted, 0, _alice, TestData.Now);

        var result = await Database.Answers.SaveAsync(review.Id, Key, null, 1, _bob, TestData.Now.AddMinutes(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result, Is.EqualTo(new AnswerSaveResult.Saved(null, 2)));
            Assert.That(await Database.Answers.GetAsync(review.Id, Key), Is.Null);
            Assert.That(await Database.Answers.ListAsync(review.Id), Is.Empty);
            Assert.That((await Database.Answers.HistoryAsync(review.Id, Key))[^1],
                Is.EqualTo(new AnswerChange(review.Id, Key, Hosted, null, 2, _bob, TestData.Now.AddMinutes(1))));
        }
    }

    [Test]
    public async Task A_cleared_answer_can_be_answered_again_as_a_first_answer_and_keeps_counting_versions()
    {
        var review = await SeedReviewAsync();
        await Database.Answers.SaveAsync(review.Id, Key, Hosted, 0, _alice, TestData.Now);
        await Database.Answers.SaveAsync(review.Id, Key, null, 1, _alice, TestData.Now);

        var result = await Database.Answers.SaveAsync(review.Id, Key, HostedAndDedicated, 0, _bob, TestData.Now);

        Assert.That(result, Is.EqualTo(new AnswerSaveResult.Saved(new StoredAnswer(review.Id, Key, HostedAndDedicated, 3, _bob, TestData.Now), 3)));
    }

    [Test]
    public async Task A_stale_save_over_a_cleared_answer_returns_a_conflict_without_a_current_value()
    {
        var review = await SeedReviewAsync();
        await Database.Answers.SaveAsync(review.Id, Key, Hosted, 0, _alice, TestData.Now);
        await Database.Answers.SaveAsync(review.Id, Key, null, 1, _alice, TestData.Now);

        var result = await Database.Answers.SaveAsync(review.Id, Key, HostedAndDedicated, 1, _bob, TestData.Now);

        Assert.That(result, Is.EqualTo(new AnswerSaveResult.Conflict(null, 2)));
    }

    [Test]
    public async Task Clearing_an_answer_that_was_never_given_changes_nothing()
    {
        var review = await SeedReviewAsync();

        var result = await Database.Answers.SaveAsync(review.Id, Key, null, 0, _alice, TestData.Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result, Is.EqualTo(new AnswerSaveResult.Saved(null, 0)));
            Assert.That(await Database.Answers.HistoryAsync(review.Id), Is.Empty);
        }
    }

    [Test]
    public async Task The_answers_of_a_review_are_listed_by_key()
    {
        var review = await SeedReviewAsync();
        var otherReview = await SeedReviewAsync();
        await Database.Answers.SaveAsync(review.Id, "network.inbound-required", "\"no\"", 0, _alice, TestData.Now);
        await Database.Answers.SaveAsync(review.Id, Key, Hosted, 0, _alice, TestData.Now);
        await Database.Answers.SaveAsync(review.Id, "workload.data-classes", """["pii"]""", 0, _alice, TestData.Now);
        await Database.Answers.SaveAsync(review.Id, "workload.data-classes", null, 1, _alice, TestData.Now);
        await Database.Answers.SaveAsync(otherReview.Id, "identity.sso", "\"saml\"", 0, _alice, TestData.Now);

        var listed = await Database.Answers.ListAsync(review.Id);

        Assert.That(listed.Select(a => a.Key), Is.EqualTo(new[] { Key, "network.inbound-required" }));
    }

    [Test]
    public async Task Answers_are_stored_as_given_json_text()
    {
        var review = await SeedReviewAsync();
        const string matrix = """{"control-plane":{"hosted":"Astronomer infrastructure","private-cloud":"Customer – ünïcode ✓"}}""";

        await Database.Answers.SaveAsync(review.Id, "boundary.component-locations", matrix, 0, _alice, TestData.Now);

        Assert.That((await Database.Answers.GetAsync(review.Id, "boundary.component-locations"))?.ValueJson, Is.EqualTo(matrix));
    }

    [Test]
    public async Task Answers_survive_closing_and_reopening_the_database()
    {
        var review = await SeedReviewAsync();
        for (var i = 0; i < 20; i++)
        {
            await Database.Answers.SaveAsync(review.Id, $"item.{i:00}", $"{i}", 0, _alice, TestData.Now);
        }

        await Database.Answers.SaveAsync(review.Id, "item.00", "\"changed\"", 1, _bob, TestData.Now);
        var before = await Database.Answers.ListAsync(review.Id);

        Database.Reopen();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Database.Answers.ListAsync(review.Id), Is.EqualTo(before));
            Assert.That(await Database.Answers.HistoryAsync(review.Id), Has.Count.EqualTo(21));
        }
    }

    [Test]
    public async Task Of_simultaneous_first_answers_one_is_saved_and_the_others_conflict()
    {
        var review = await SeedReviewAsync();
        var writers = Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            Database.Answers.SaveAsync(review.Id, Key, $"[\"writer-{i}\"]", 0, Guid.NewGuid(), TestData.Now)));

        var results = await Task.WhenAll(writers);

        var saved = results.OfType<AnswerSaveResult.Saved>().Single();
        var conflicts = results.OfType<AnswerSaveResult.Conflict>().ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(conflicts, Has.Count.EqualTo(7));
            Assert.That(conflicts.Select(c => c.Current), Has.All.EqualTo(saved.Answer));
            Assert.That(await Database.Answers.HistoryAsync(review.Id), Has.Count.EqualTo(1));
        }
    }

    [Test]
    public async Task Saving_an_answer_to_an_unknown_review_throws_not_found() =>
        await Assert.ThrowsAsync<KeyNotFoundException>(() =>
            Database.Answers.SaveAsync(Guid.NewGuid(), Key, Hosted, 0, _alice, TestData.Now));

    [Test]
    public async Task The_answers_of_a_decided_review_are_locked()
    {
        var review = await SeedReviewAsync(ReviewStatus.ReadyForCommittee);
        await Database.Answers.SaveAsync(review.Id, Key, Hosted, 0, _alice, TestData.Now);
        await Database.Reviews.UpdateAsync(review with { Status = ReviewStatus.Decided, Decision = Decision.Approve }, review.Version);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Database.Answers.SaveAsync(review.Id, Key, HostedAndDedicated, 1, _alice, TestData.Now));
        Assert.That((await Database.Answers.GetAsync(review.Id, Key))?.ValueJson, Is.EqualTo(Hosted));
    }

    [Test]
    public async Task A_save_with_an_audit_event_stores_the_event_built_from_the_answer_before_and_the_save()
    {
        var review = await SeedReviewAsync();
        await Database.Answers.SaveAsync(review.Id, Key, Hosted, 0, _alice, TestData.Now, AuditOf);

        await Database.Answers.SaveAsync(review.Id, Key, null, 1, _bob, TestData.Now.AddMinutes(1), AuditOf);

        var events = await Database.Audit.StreamAsync(AuditFilter.All).ToListAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(events.Select(e => (e.Sequence, e.ResourceId, e.Before, e.After)), Is.EqualTo(new[]
            {
                (1L, $"{review.Id}/{Key}", (string?)null, (string?)"v1 " + Hosted),
                (2L, $"{review.Id}/{Key}", "v1 " + Hosted, "v2 cleared"),
            }));
            Assert.That((await Database.Audit.VerifyAsync()).ToString(), Is.EqualTo("audit chain ok: 2 events"));
        }
    }

    [Test]
    public async Task When_the_audit_event_cannot_be_written_the_answer_is_not_saved_either()
    {
        var review = await SeedReviewAsync();
        await Database.Answers.SaveAsync(review.Id, Key, Hosted, 0, _alice, TestData.Now, AuditOf);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => Database.Answers.SaveAsync(
            review.Id, Key, HostedAndDedicated, 1, _bob, TestData.Now.AddMinutes(1),
            (_, _) => throw new InvalidOperationException("the audit log is unavailable")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failure?.Message, Is.EqualTo("the audit log is unavailable"));
            Assert.That((await Database.Answers.GetAsync(review.Id, Key))?.ValueJson, Is.EqualTo(Hosted));
            Assert.That(await Database.Answers.HistoryAsync(review.Id, Key), Has.Count.EqualTo(1));
            Assert.That(await Database.Audit.StreamAsync(AuditFilter.All).CountAsync(), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task When_the_audit_event_cannot_be_sealed_the_answer_is_not_saved_either()
    {
        var review = await SeedReviewAsync();

        // An event without an actor cannot be sealed, so the append itself fails inside the save.
        await Assert.CatchAsync(() => Database.Answers.SaveAsync(
            review.Id, Key, Hosted, 0, _alice, TestData.Now, (before, saved) => AuditOf(before, saved) with { Actor = null! }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Database.Answers.GetAsync(review.Id, Key), Is.Null);
            Assert.That(await Database.Answers.HistoryAsync(review.Id), Is.Empty);
            Assert.That(await Database.Audit.StreamAsync(AuditFilter.All).CountAsync(), Is.Zero);
        }
    }

    [Test]
    public async Task A_conflicting_or_no_op_save_writes_no_audit_event()
    {
        var review = await SeedReviewAsync();
        await Database.Answers.SaveAsync(review.Id, Key, Hosted, 0, _alice, TestData.Now);

        var stale = await Database.Answers.SaveAsync(review.Id, Key, HostedAndDedicated, 0, _bob, TestData.Now, AuditOf);
        var clearAbsent = await Database.Answers.SaveAsync(review.Id, "network.inbound-required", null, 0, _bob, TestData.Now, AuditOf);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stale, Is.InstanceOf<AnswerSaveResult.Conflict>());
            Assert.That(clearAbsent, Is.EqualTo(new AnswerSaveResult.Saved(null, 0)));
            Assert.That(await Database.Audit.StreamAsync(AuditFilter.All).CountAsync(), Is.Zero);
        }
    }

    // The summaries carry the value here only so the test can see what the store passed in; the app hashes it.
    private static AuditEntry AuditOf(StoredAnswer? before, AnswerSaveResult.Saved saved) => new(
        TestData.Now, "alice@example.com", "Reviewer", AuditActions.AnswerSaved, "answer",
        $"{(before?.ReviewId ?? saved.Answer?.ReviewId)}/{before?.Key ?? saved.Answer?.Key}",
        before is null ? null : $"v{before.Version} {before.ValueJson}",
        saved.Answer is null ? $"v{saved.Version} cleared" : $"v{saved.Version} {saved.Answer.ValueJson}",
        "127.0.0.1", "test");
}
