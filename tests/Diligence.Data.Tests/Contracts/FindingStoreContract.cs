using Diligence.Core.Reviews;

namespace Diligence.Data.Tests.Contracts;

public abstract class FindingStoreContract : StoreContract
{
    private static readonly RaisedFindingRow _inbound = new(
        "flag:network.inbound-required:yes", FindingSource.Flag, FindingSeverities.High, "The vendor requires inbound access into the customer network.");

    private static readonly RaisedFindingRow _noBaa = new(
        "rule:phi-without-baa", FindingSource.Rule, FindingSeverities.Critical, "PHI is in scope and the vendor signs no BAA.");

    [Test]
    public async Task An_added_finding_can_be_read_back_at_version_one_with_who_raised_it()
    {
        var review = await SeedReviewAsync();
        var finding = TestData.ManualFinding(review.Id) with { Owner = "Vendor security team", Version = 5, RaisedBy = review.OwnerId };

        await Database.Findings.AddAsync(finding);

        Assert.That(await Database.Findings.ListAsync(review.Id), Is.EqualTo(new[] { finding with { Version = 1 } }));
    }

    [Test]
    public async Task Adding_or_updating_given_an_audit_entry_appends_it_with_the_change_and_a_stale_update_appends_nothing()
    {
        var review = await SeedReviewAsync();
        var finding = TestData.ManualFinding(review.Id);

        await Database.Findings.AddAsync(finding, TestData.AuditEntry("added"));
        await Database.Findings.UpdateAsync(finding with { Status = FindingStatus.Remediated }, expectedVersion: 1, TestData.AuditEntry("changed"));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Database.Findings.UpdateAsync(
            finding with { Status = FindingStatus.AcceptedRisk }, expectedVersion: 1, TestData.AuditEntry("stale")));

        var events = await Database.Audit.StreamAsync(AuditFilter.All).ToListAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(events.Select(e => e.ResourceId), Is.EqualTo(new[] { "added", "changed" }));
            Assert.That((await Database.Audit.VerifyAsync()).IsIntact, Is.True);
        }
    }

    [Test]
    public async Task When_the_audit_event_cannot_be_appended_the_finding_is_neither_added_nor_changed()
    {
        var review = await SeedReviewAsync();
        var finding = TestData.ManualFinding(review.Id);
        await Database.Findings.AddAsync(finding);
        var another = TestData.ManualFinding(review.Id, "another");
        var remediated = finding with { Status = FindingStatus.Remediated };
        // An event without an actor cannot be sealed, so the append fails inside the store's transaction.
        var broken = TestData.AuditEntry("broken") with { Actor = null! };

        await Assert.CatchAsync(() => Database.Findings.AddAsync(another, broken));
        await Assert.CatchAsync(() => Database.Findings.UpdateAsync(remediated, 1, broken));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Database.Findings.ListAsync(review.Id), Is.EqualTo(new[] { finding }));
            Assert.That(await Database.Audit.StreamAsync(AuditFilter.All).CountAsync(), Is.Zero);
            // Only the event stopped them: the same calls with a whole event go through.
            Assert.That(await Database.Findings.UpdateAsync(remediated, 1, TestData.AuditEntry("changed")), Is.EqualTo(2));
            await Database.Findings.AddAsync(another, TestData.AuditEntry("added"));
            Assert.That(await Database.Findings.ListAsync(review.Id), Has.Count.EqualTo(2));
        }
    }

    [Test]
    public async Task Findings_are_listed_per_review_oldest_first()
    {
        var review = await SeedReviewAsync();
        var otherReview = await SeedReviewAsync();
        var later = TestData.ManualFinding(review.Id, "later") with { CreatedAt = TestData.Now.AddHours(1) };
        var earlier = TestData.ManualFinding(review.Id, "earlier");
        await Database.Findings.AddAsync(later);
        await Database.Findings.AddAsync(earlier);
        await Database.Findings.AddAsync(TestData.ManualFinding(otherReview.Id, "elsewhere"));

        var listed = await Database.Findings.ListAsync(review.Id);

        Assert.That(listed.Select(f => f.Text), Is.EqualTo(new[] { "earlier", "later" }));
    }

    [Test]
    public async Task Open_findings_of_several_reviews_are_counted_per_review_and_severity()
    {
        var first = await SeedReviewAsync();
        var second = await SeedReviewAsync();
        var elsewhere = await SeedReviewAsync();
        await Database.Findings.AddAsync(TestData.ManualFinding(first.Id, "one"));
        await Database.Findings.AddAsync(TestData.ManualFinding(first.Id, "two"));
        await Database.Findings.AddAsync(TestData.ManualFinding(first.Id, "high") with { Severity = FindingSeverities.High });
        await Database.Findings.AddAsync(TestData.ManualFinding(first.Id, "accepted") with { Status = FindingStatus.AcceptedRisk });
        await Database.Findings.AddAsync(TestData.ManualFinding(second.Id, "remediated") with { Status = FindingStatus.Remediated });
        await Database.Findings.AddAsync(TestData.ManualFinding(elsewhere.Id, "elsewhere"));
        await Database.Findings.SyncRaisedAsync(second.Id, [_inbound], TestData.Now);
        await Database.Findings.SyncRaisedAsync(first.Id, [_noBaa], TestData.Now);
        await Database.Findings.SyncRaisedAsync(first.Id, [], TestData.Now);

        var counts = await Database.Findings.CountOpenAsync([first.Id, second.Id]);

        Assert.That(counts, Is.EquivalentTo(new[]
        {
            new OpenFindingCount(first.Id, FindingSeverities.Medium, 2),
            new OpenFindingCount(first.Id, FindingSeverities.High, 1),
            new OpenFindingCount(second.Id, FindingSeverities.High, 1),
        }));
    }

    [Test]
    public async Task Updating_a_finding_saves_it_and_returns_the_next_version()
    {
        var review = await SeedReviewAsync();
        var finding = TestData.ManualFinding(review.Id);
        await Database.Findings.AddAsync(finding);
        var updated = finding with
        {
            Severity = FindingSeverities.Low,
            Text = "Pen-test summary received under NDA.",
            Owner = "Procurement",
            Status = FindingStatus.Remediated,
            UpdatedAt = TestData.Now.AddDays(2),
        };

        var version = await Database.Findings.UpdateAsync(updated, expectedVersion: 1);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(version, Is.EqualTo(2));
            Assert.That(await Database.Findings.ListAsync(review.Id), Is.EqualTo(new[] { updated with { Version = 2 } }));
        }
    }

    [Test]
    public async Task Saving_a_stale_finding_throws_a_conflict_and_keeps_the_other_save()
    {
        var review = await SeedReviewAsync();
        var finding = TestData.ManualFinding(review.Id);
        await Database.Findings.AddAsync(finding);
        await Database.Findings.UpdateAsync(finding with { Status = FindingStatus.AcceptedRisk }, expectedVersion: 1);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Database.Findings.UpdateAsync(finding with { Owner = "stale" }, expectedVersion: 1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(conflict?.ActualVersion, Is.EqualTo(2));
            Assert.That((await Database.Findings.ListAsync(review.Id)).Single().Status, Is.EqualTo(FindingStatus.AcceptedRisk));
        }
    }

    [Test]
    public async Task Updating_an_unknown_finding_throws_not_found()
    {
        var review = await SeedReviewAsync();

        await Assert.ThrowsAsync<KeyNotFoundException>(() => Database.Findings.UpdateAsync(TestData.ManualFinding(review.Id), 1));
    }

    [Test]
    public async Task Syncing_adds_newly_raised_findings_as_open()
    {
        var review = await SeedReviewAsync();

        var result = await Database.Findings.SyncRaisedAsync(review.Id, [_inbound, _noBaa], TestData.Now);

        var listed = await Database.Findings.ListAsync(review.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result, Is.EqualTo(new FindingSyncResult(2, 0, 0)));
            Assert.That(listed.Select(f => (f.SourceId, f.Source, f.Severity, f.Text)), Is.EquivalentTo(new[]
            {
                (_inbound.SourceId, _inbound.Source, _inbound.Severity, _inbound.Text),
                (_noBaa.SourceId, _noBaa.Source, _noBaa.Severity, _noBaa.Text),
            }));
            Assert.That(
                listed.Select(f => (f.Status, f.Withdrawn, f.Owner, f.Version, f.CreatedAt)),
                Has.All.EqualTo((FindingStatus.Open, false, (string?)null, 1, TestData.Now)));
        }
    }

    [Test]
    public async Task A_finding_raised_after_a_sync_that_changed_nothing_is_still_added()
    {
        var review = await SeedReviewAsync();
        await Database.Findings.SyncRaisedAsync(review.Id, [_inbound], TestData.Now);
        await Database.Findings.SyncRaisedAsync(review.Id, [_inbound], TestData.Now.AddHours(1));

        var grown = await Database.Findings.SyncRaisedAsync(review.Id, [_inbound, _noBaa], TestData.Now.AddHours(2));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(grown, Is.EqualTo(new FindingSyncResult(1, 0, 0)));
            Assert.That((await Database.Findings.ListAsync(review.Id)).Select(f => (f.SourceId, f.Withdrawn, f.Version)),
                Is.EquivalentTo(new[] { (_inbound.SourceId, false, 1), (_noBaa.SourceId, false, 1) }));
        }
    }

    [Test]
    public async Task Syncing_withdraws_findings_the_answers_no_longer_raise()
    {
        var review = await SeedReviewAsync();
        await Database.Findings.SyncRaisedAsync(review.Id, [_inbound, _noBaa], TestData.Now);

        var result = await Database.Findings.SyncRaisedAsync(review.Id, [_noBaa], TestData.Now.AddHours(1));

        var inbound = (await Database.Findings.ListAsync(review.Id)).Single(f => f.SourceId == _inbound.SourceId);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result, Is.EqualTo(new FindingSyncResult(0, 1, 0)));
            Assert.That(inbound.Withdrawn, Is.True);
            Assert.That(inbound.Version, Is.EqualTo(2));
            Assert.That(inbound.UpdatedAt, Is.EqualTo(TestData.Now.AddHours(1)));
        }
    }

    [Test]
    public async Task Syncing_reinstates_a_reappearing_finding_with_its_status_and_owner()
    {
        var review = await SeedReviewAsync();
        await Database.Findings.SyncRaisedAsync(review.Id, [_inbound], TestData.Now);
        var raised = (await Database.Findings.ListAsync(review.Id)).Single();
        await Database.Findings.UpdateAsync(raised with { Status = FindingStatus.AcceptedRisk, Owner = "CISO" }, raised.Version);
        await Database.Findings.SyncRaisedAsync(review.Id, [], TestData.Now);

        var result = await Database.Findings.SyncRaisedAsync(review.Id, [_inbound], TestData.Now);

        var reinstated = (await Database.Findings.ListAsync(review.Id)).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result, Is.EqualTo(new FindingSyncResult(0, 0, 1)));
            Assert.That(reinstated.Id, Is.EqualTo(raised.Id));
            Assert.That(reinstated.Withdrawn, Is.False);
            Assert.That(reinstated.Status, Is.EqualTo(FindingStatus.AcceptedRisk));
            Assert.That(reinstated.Owner, Is.EqualTo("CISO"));
        }
    }

    [Test]
    public async Task Syncing_leaves_manual_findings_alone()
    {
        var review = await SeedReviewAsync();
        var manual = TestData.ManualFinding(review.Id);
        await Database.Findings.AddAsync(manual);

        await Database.Findings.SyncRaisedAsync(review.Id, [_inbound], TestData.Now);
        await Database.Findings.SyncRaisedAsync(review.Id, [], TestData.Now);

        Assert.That((await Database.Findings.ListAsync(review.Id)).Single(f => f.Source == FindingSource.Manual), Is.EqualTo(manual));
    }

    [Test]
    public async Task Syncing_what_is_already_raised_changes_nothing()
    {
        var review = await SeedReviewAsync();
        await Database.Findings.SyncRaisedAsync(review.Id, [_inbound, _noBaa], TestData.Now);
        var before = await Database.Findings.ListAsync(review.Id);

        var result = await Database.Findings.SyncRaisedAsync(review.Id, [_noBaa, _inbound], TestData.Now.AddHours(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Changed, Is.False);
            Assert.That(await Database.Findings.ListAsync(review.Id), Is.EqualTo(before));
        }
    }

    [Test]
    public async Task Syncing_only_touches_the_findings_of_its_own_review()
    {
        var review = await SeedReviewAsync();
        var otherReview = await SeedReviewAsync();
        await Database.Findings.SyncRaisedAsync(otherReview.Id, [_inbound], TestData.Now);

        await Database.Findings.SyncRaisedAsync(review.Id, [], TestData.Now);

        Assert.That((await Database.Findings.ListAsync(otherReview.Id)).Single().Withdrawn, Is.False);
    }

    [Test]
    public async Task A_manual_finding_cannot_be_synced_as_raised()
    {
        var review = await SeedReviewAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => Database.Findings.SyncRaisedAsync(
            review.Id, [_inbound with { Source = FindingSource.Manual }], TestData.Now));
    }

    [Test]
    public async Task A_finding_with_an_unknown_severity_is_refused()
    {
        var review = await SeedReviewAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => Database.Findings.AddAsync(TestData.ManualFinding(review.Id) with { Severity = "severe" }));
        Assert.That(await Database.Findings.ListAsync(review.Id), Is.Empty);
    }
}
