using Diligence.Core.Reviews;

namespace Diligence.Data.Tests.Contracts;

public abstract class ReviewStoreContract : StoreContract
{
    [Test]
    public async Task A_created_review_can_be_read_back_at_version_one()
    {
        var vendor = await SeedVendorAsync();
        var owner = await SeedUserAsync();
        var review = TestData.Review(vendor.Id, owner.Id, await SeedQuestionnaireAsync()) with { Version = 7 };

        await Database.Reviews.CreateAsync(review);

        Assert.That(await Database.Reviews.GetAsync(review.Id), Is.EqualTo(review with { Version = 1 }));
    }

    [Test]
    public async Task A_re_assessment_remembers_the_review_it_follows()
    {
        var previous = await SeedReviewAsync();
        var reassessment = TestData.Review(previous.VendorId, previous.OwnerId, TestData.Questionnaire()) with
        {
            PreviousReviewId = previous.Id,
        };

        await Database.Reviews.CreateAsync(reassessment);

        Assert.That((await Database.Reviews.GetAsync(reassessment.Id))?.PreviousReviewId, Is.EqualTo(previous.Id));
    }

    [Test]
    public async Task A_re_assessment_carries_answers_provenance_and_findings_forward_with_its_event()
    {
        var previous = await SeedReviewAsync();
        var user = Guid.NewGuid();
        await Database.Libraries.ReplaceAsync(previous.VendorId, new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" }, user, TestData.Now);
        await Database.Provenance.PrefillAsync(previous.Id, previous.VendorId, ["a", "b"], previous.OwnerId, TestData.Now);
        await Database.Provenance.ConfirmAsync(previous.Id, "a", previous.OwnerId, TestData.Now);
        await Database.Answers.SaveAsync(previous.Id, "b", "mine", 1, previous.OwnerId, TestData.Now);
        await Database.Answers.SaveAsync(previous.Id, "c", "3", 0, previous.OwnerId, TestData.Now);
        await Database.Answers.SaveAsync(previous.Id, "d", "4", 0, previous.OwnerId, TestData.Now);
        await Database.Answers.SaveAsync(previous.Id, "d", null, 1, previous.OwnerId, TestData.Now);
        var manual = TestData.ManualFinding(previous.Id) with { Owner = "Sam", Status = FindingStatus.Remediated };
        await Database.Findings.AddAsync(manual);
        await Database.Findings.SyncRaisedAsync(previous.Id,
            [new RaisedFindingRow("flag:b:yes", FindingSource.Flag, "high", "Raised."), new RaisedFindingRow("rule:gone", FindingSource.Rule, "low", "Gone.")],
            TestData.Now);
        var raised = (await Database.Findings.ListAsync(previous.Id)).Single(f => f.SourceId == "flag:b:yes");
        await Database.Findings.UpdateAsync(raised with { Status = FindingStatus.AcceptedRisk, Owner = "Risk owner" }, raised.Version);
        await Database.Findings.SyncRaisedAsync(previous.Id, [new RaisedFindingRow("flag:b:yes", FindingSource.Flag, "high", "Raised.")], TestData.Now);
        var at = TestData.Now.AddDays(365);
        var reassessment = TestData.Review(previous.VendorId, previous.OwnerId, TestData.Questionnaire()) with { PreviousReviewId = previous.Id };

        var carried = await Database.Reviews.CreateReassessmentAsync(reassessment, user, at, c => TestData.AuditEntry($"carried {c}"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(carried, Is.EqualTo(new CarriedForward(Answers: 3, Provenance: 2, Findings: 2)));
            Assert.That((await Database.Reviews.GetAsync(reassessment.Id))?.PreviousReviewId, Is.EqualTo(previous.Id));
            Assert.That(await Database.Answers.ListAsync(reassessment.Id), Is.EqualTo(new[]
            {
                new StoredAnswer(reassessment.Id, "a", "1", 1, user, at),
                new StoredAnswer(reassessment.Id, "b", "mine", 1, user, at),
                new StoredAnswer(reassessment.Id, "c", "3", 1, user, at),
            }));
            Assert.That(await Database.Answers.HistoryAsync(reassessment.Id, "b"), Is.EqualTo(new[] { new AnswerChange(reassessment.Id, "b", null, "mine", 1, user, at) }));
            var provenance = (await Database.Provenance.ListAsync(reassessment.Id)).ToDictionary(p => p.Key);
            Assert.That((provenance["a"].StatusFor("1"), provenance["a"].ConfirmedBy), Is.EqualTo((ProvenanceStatus.Confirmed, (Guid?)previous.OwnerId)));
            Assert.That((provenance["b"].StatusFor("mine"), provenance["b"].VendorValueJson), Is.EqualTo((ProvenanceStatus.Overridden, "2")));
            var findings = await Database.Findings.ListAsync(reassessment.Id);
            Assert.That(findings.Select(f => (f.Source, f.SourceId, f.Text, f.Owner, f.Status, f.Withdrawn, f.Version)), Is.EquivalentTo(new[]
            {
                (FindingSource.Manual, (string?)null, manual.Text, (string?)"Sam", FindingStatus.Remediated, false, 1),
                (FindingSource.Flag, "flag:b:yes", "Raised.", "Risk owner", FindingStatus.AcceptedRisk, false, 1),
            }));
            Assert.That(findings.Select(f => f.Id), Has.None.EqualTo(manual.Id).And.None.EqualTo(raised.Id));
            Assert.That((await Database.Findings.ListAsync(previous.Id)), Has.Count.EqualTo(3), "the earlier review keeps its own");
            var events = await Database.Audit.StreamAsync(AuditFilter.All).ToListAsync();
            Assert.That(events.Select(e => e.ResourceId), Is.EqualTo(new[] { $"carried {carried}" }));
        }
    }

    [Test]
    public async Task An_unknown_review_is_null() =>
        Assert.That(await Database.Reviews.GetAsync(Guid.NewGuid()), Is.Null);

    [Test]
    public async Task Reviews_are_listed_with_vendor_and_owner_names_most_recently_updated_first()
    {
        var vendor = await SeedVendorAsync("Astral", "uv");
        var owner = await SeedUserAsync("Sam Security");
        var questionnaire = await SeedQuestionnaireAsync();
        var older = TestData.Review(vendor.Id, owner.Id, questionnaire);
        var newer = TestData.Review(vendor.Id, owner.Id, questionnaire) with { UpdatedAt = TestData.Now.AddHours(1) };
        await Database.Reviews.CreateAsync(older);
        await Database.Reviews.CreateAsync(newer);

        var listed = await Database.Reviews.ListAsync();

        Assert.That(listed, Is.EqualTo(new[]
        {
            new ReviewSummary(newer, "Astral", "uv", "Sam Security"),
            new ReviewSummary(older, "Astral", "uv", "Sam Security"),
        }));
    }

    [Test]
    public async Task Reviews_can_be_listed_by_status()
    {
        var draft = await SeedReviewAsync(ReviewStatus.Draft);
        var inReview = await SeedReviewAsync(ReviewStatus.InReview);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((await Database.Reviews.ListAsync(ReviewStatus.InReview)).Select(s => s.Review.Id), Is.EqualTo(new[] { inReview.Id }));
            Assert.That((await Database.Reviews.ListAsync(ReviewStatus.Draft)).Select(s => s.Review.Id), Is.EqualTo(new[] { draft.Id }));
            Assert.That(await Database.Reviews.ListAsync(ReviewStatus.Decided), Is.Empty);
            Assert.That(await Database.Reviews.ListAsync(), Has.Count.EqualTo(2));
        }
    }

    [Test]
    public async Task Creating_given_an_audit_entry_appends_it_with_the_review()
    {
        var review = TestData.Review((await SeedVendorAsync()).Id, (await SeedUserAsync()).Id, await SeedQuestionnaireAsync());

        await Database.Reviews.CreateAsync(review, TestData.AuditEntry("created"));

        var events = await Database.Audit.StreamAsync(AuditFilter.All).ToListAsync();
        Assert.That(events.Select(e => e.ResourceId), Is.EqualTo(new[] { "created" }));
        Assert.That(await Database.Reviews.GetAsync(review.Id), Is.EqualTo(review));
    }

    [Test]
    public async Task An_update_given_an_audit_entry_appends_it_with_the_change_and_a_refused_update_appends_nothing()
    {
        var review = await SeedReviewAsync();
        var moved = review with { Status = ReviewStatus.AwaitingVendor, UpdatedAt = TestData.Now.AddHours(1) };

        await Database.Reviews.UpdateAsync(moved, expectedVersion: 1, TestData.AuditEntry("moved"));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Database.Reviews.UpdateAsync(moved, expectedVersion: 1, TestData.AuditEntry("stale")));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Database.Reviews.UpdateAsync(
            moved with { Status = ReviewStatus.Decided }, expectedVersion: 2, TestData.AuditEntry("forbidden")));

        var events = await Database.Audit.QueryAsync(AuditFilter.All, 0, 10);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(events.Events.Select(e => e.ResourceId), Is.EqualTo(new[] { "moved" }));
            Assert.That((await Database.Audit.VerifyAsync()).IsIntact, Is.True);
        }
    }

    [Test]
    public async Task When_the_audit_event_cannot_be_appended_the_review_is_not_changed_either()
    {
        var review = await SeedReviewAsync();
        var moved = review with { Status = ReviewStatus.AwaitingVendor };

        // An event without an actor cannot be sealed, so the append fails inside the update's transaction.
        await Assert.CatchAsync(() => Database.Reviews.UpdateAsync(moved, expectedVersion: 1, TestData.AuditEntry("moved") with { Actor = null! }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Database.Reviews.GetAsync(review.Id), Is.EqualTo(review));
            Assert.That((await Database.Audit.QueryAsync(AuditFilter.All, 0, 10)).Total, Is.Zero);
            // Only the event stopped it: the same update with a whole event goes through.
            Assert.That(await Database.Reviews.UpdateAsync(moved, expectedVersion: 1, TestData.AuditEntry("moved")), Is.EqualTo(2));
        }
    }

    [Test]
    public async Task The_review_that_reassesses_another_is_found_from_it()
    {
        var decided = await SeedReviewAsync(ReviewStatus.InReview);
        var notReassessed = await SeedReviewAsync(ReviewStatus.InReview);
        var reassessment = decided with { Id = Guid.NewGuid(), Status = ReviewStatus.Draft, PreviousReviewId = decided.Id };
        await Database.Reviews.CreateAsync(reassessment);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Database.Reviews.FindReassessmentAsync(decided.Id), Is.EqualTo(reassessment));
            Assert.That(await Database.Reviews.FindReassessmentAsync(notReassessed.Id), Is.Null);
            Assert.That(await Database.Reviews.FindReassessmentAsync(reassessment.Id), Is.Null);
        }
    }

    [Test]
    public async Task Reviews_are_paged_most_recently_updated_first_with_the_total_that_matches()
    {
        var vendor = await SeedVendorAsync();
        var owner = await SeedUserAsync();
        var questionnaire = await SeedQuestionnaireAsync();
        var reviews = Enumerable.Range(0, 5)
            .Select(i => TestData.Review(vendor.Id, owner.Id, questionnaire, i % 2 == 0 ? ReviewStatus.Draft : ReviewStatus.InReview)
                with { UpdatedAt = TestData.Now.AddHours(i) })
            .ToList();
        foreach (var review in reviews)
        {
            await Database.Reviews.CreateAsync(review);
        }

        var second = await Database.Reviews.PageAsync(null, skip: 1, take: 2);
        var drafts = await Database.Reviews.PageAsync(ReviewStatus.Draft, skip: 0, take: 10);
        var pastTheEnd = await Database.Reviews.PageAsync(null, skip: 5, take: 2);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(second.Reviews.Select(s => s.Review.Id), Is.EqualTo(new[] { reviews[3].Id, reviews[2].Id }));
            Assert.That(second.Total, Is.EqualTo(5));
            Assert.That(drafts.Reviews.Select(s => s.Review.Id), Is.EqualTo(new[] { reviews[4].Id, reviews[2].Id, reviews[0].Id }));
            Assert.That(drafts.Total, Is.EqualTo(3));
            Assert.That(pastTheEnd.Reviews, Is.Empty);
            Assert.That(pastTheEnd.Total, Is.EqualTo(5));
        }
    }

    [Test]
    public async Task Updating_a_review_saves_it_and_returns_the_next_version()
    {
        var review = await SeedReviewAsync();
        var newOwner = await SeedUserAsync("Nora New-Owner");
        var updated = review with { Status = ReviewStatus.AwaitingVendor, OwnerId = newOwner.Id, UpdatedAt = TestData.Now.AddMinutes(5) };

        var version = await Database.Reviews.UpdateAsync(updated, expectedVersion: 1);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(version, Is.EqualTo(2));
            Assert.That(await Database.Reviews.GetAsync(review.Id), Is.EqualTo(updated with { Version = 2 }));
        }
    }

    [Test]
    public async Task Saving_a_stale_review_throws_a_conflict_and_keeps_the_other_save()
    {
        var review = await SeedReviewAsync();
        var first = review with { Status = ReviewStatus.AwaitingVendor };
        await Database.Reviews.UpdateAsync(first, expectedVersion: 1);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Database.Reviews.UpdateAsync(review with { DecisionRationale = "stale" }, expectedVersion: 1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(conflict?.ExpectedVersion, Is.EqualTo(1));
            Assert.That(conflict?.ActualVersion, Is.EqualTo(2));
            Assert.That(await Database.Reviews.GetAsync(review.Id), Is.EqualTo(first with { Version = 2 }));
        }
    }

    [Test]
    public async Task A_review_cannot_skip_a_lifecycle_step()
    {
        var review = await SeedReviewAsync(ReviewStatus.Draft);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Database.Reviews.UpdateAsync(review with { Status = ReviewStatus.ReadyForCommittee }, expectedVersion: 1));
        Assert.That((await Database.Reviews.GetAsync(review.Id))?.Status, Is.EqualTo(ReviewStatus.Draft));
    }

    [Test]
    public async Task A_decision_is_stored_with_its_rationale_who_recorded_it_and_when_and_locks_the_review()
    {
        var review = await SeedReviewAsync(ReviewStatus.ReadyForCommittee);
        var decided = review with
        {
            Status = ReviewStatus.Decided,
            Decision = Decision.ApproveWithConditions,
            DecisionRationale = "Approve once SSO is enforced for every workspace.",
            DecidedBy = review.OwnerId,
            DecidedAt = review.UpdatedAt.AddHours(1),
        };

        var version = await Database.Reviews.UpdateAsync(decided, expectedVersion: 1);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Database.Reviews.GetAsync(review.Id), Is.EqualTo(decided with { Version = 2 }));
            await Assert.ThrowsAsync<InvalidOperationException>(() =>
                Database.Reviews.UpdateAsync(decided with { DecisionRationale = "changed afterwards" }, version));
        }
    }

    [Test]
    public async Task Updating_an_unknown_review_throws_not_found()
    {
        var review = await SeedReviewAsync();

        await Assert.ThrowsAsync<KeyNotFoundException>(() => Database.Reviews.UpdateAsync(review with { Id = Guid.NewGuid() }, 1));
    }
}
