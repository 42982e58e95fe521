using Diligence.Core.Answers;
using Diligence.Core.Evaluation;
using Diligence.Core.Reviews;
using Diligence.Core.Vendors;
using Diligence.Core.WriteUp;

namespace Diligence.Reports.Tests.Model;

/// <summary>A stored review becomes the write-up's facts: vendor, decision, owner, findings as recorded, answer provenance.</summary>
public sealed class ReviewWriteUpComposerTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 5, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_stored_review_brings_its_vendor_decision_owner_findings_and_provenance()
    {
        var sheet = Reviews.Fixture();
        var reviewId = Guid.NewGuid();
        var answers = sheet.ByKey.ToDictionary(
            a => a.Key, a => new StoredAnswer(reviewId, a.Key, AnswerJson.Serialize(a.Value), 1, Guid.Empty, At), StringComparer.Ordinal);
        var confirmedKey = answers.Keys.First(k => k is not "network.inbound-required" and not "workload.criticality");
        var review = new Review(reviewId, Guid.NewGuid(), "q", "1", "h", ReviewStatus.Decided, Guid.Empty, Decision.Reject, "No.", null, At, At, 3);
        var stored = new StoredReview(
            review,
            new Vendor(review.VendorId, "Fixture Corporation", "Fixture Cloud", null, null, At),
            sheet,
            answers,
            [
                Finding(reviewId, "No SSO.", withdrawn: false),
                Finding(reviewId, "Withdrawn by a changed answer.", withdrawn: true),
            ],
            [
                Origin(reviewId, "network.inbound-required", answers["network.inbound-required"].ValueJson, confirmed: false),
                Origin(reviewId, "workload.criticality", "{\"value\":\"something-else\"}", confirmed: true),
                Origin(reviewId, confirmedKey, answers[confirmedKey].ValueJson, confirmed: true),
            ],
            "Ada Analyst");

        var writeUp = new ReviewWriteUpComposer(new QuestionnaireEvaluator(Reviews.Questionnaire)).Compose(stored, new DateOnly(2026, 3, 6));

        Assert.That(writeUp.Cover, Has.Property("Vendor").EqualTo("Fixture Corporation")
            .And.Property("Product").EqualTo("Fixture Cloud")
            .And.Property("PreparedOn").EqualTo("6 March 2026"));
        Assert.That(writeUp.Author, Is.EqualTo("Ada Analyst"));
        Assert.That(writeUp.Sections.SelectMany(s => s.Findings).SelectMany(g => g.Findings).Select(f => f.Text), Is.EqualTo(new[] { "No SSO." }));
        Assert.That(ReviewWriteUpComposer.OriginsOf(stored), Is.EquivalentTo(new Dictionary<string, AnswerOrigin>
        {
            ["network.inbound-required"] = AnswerOrigin.VendorSupplied,
            ["workload.criticality"] = AnswerOrigin.ReviewerOverridden,
            [confirmedKey] = AnswerOrigin.ReviewerConfirmed,
        }));
        Assert.That(writeUp.Provenance.Select(p => p.Source).Order(),
            Is.EqualTo(new[] { "Reviewer-confirmed", "Reviewer-overridden", "Vendor-supplied" }));
    }

    [Test]
    public void A_rejected_review_brings_the_committees_decision_apart_from_the_recommendation_and_who_raised_each_finding()
    {
        var sheet = Reviews.Fixture();
        var reviewId = Guid.NewGuid();
        var chair = Guid.NewGuid();
        var analyst = Guid.NewGuid();
        var review = new Review(reviewId, Guid.NewGuid(), "q", "1", "h", ReviewStatus.Decided, analyst, Decision.Reject,
            "Inbound access is a hard stop.", null, At, At.AddDays(2), 3, DecidedBy: chair, DecidedAt: At.AddDays(1));
        var stored = new StoredReview(
            review,
            new Vendor(review.VendorId, "Fixture Corporation", "Fixture Cloud", null, null, At),
            sheet,
            new Dictionary<string, StoredAnswer>(StringComparer.Ordinal),
            [
                Finding(reviewId, "No SSO.", withdrawn: false) with { RaisedBy = analyst },
                Finding(reviewId, "Written before authors were kept.", withdrawn: false),
                Finding(reviewId, "The vendor requires inbound access into the customer network.", withdrawn: false)
                    with { Source = FindingSource.Flag, SourceId = "flag:network.inbound-required:yes", Severity = FindingSeverities.High },
            ],
            [],
            "Ada Analyst",
            new Dictionary<Guid, string> { [chair] = "Chris Chair", [analyst] = "Ada Analyst" });

        var writeUp = new ReviewWriteUpComposer(new QuestionnaireEvaluator(Reviews.Questionnaire)).Compose(stored, new DateOnly(2026, 3, 9));

        Assert.That(writeUp.ReviewerRecommends, Is.EqualTo("Approve with conditions"));
        Assert.That(writeUp.CommitteeDecision, Is.EqualTo(new WriteUpDecision("Rejected", "6 March 2026", "Chris Chair", "Inbound access is a hard stop.")));
        Assert.That(writeUp.Sections.SelectMany(s => s.Findings).SelectMany(g => g.Findings).Select(f => (f.Text, f.RaisedBy)), Is.EquivalentTo(new[]
        {
            ("No SSO.", "Person: Ada Analyst"),
            ("Written before authors were kept.", "Person: name not recorded"),
            ("The vendor requires inbound access into the customer network.",
                "Rule: “Does the vendor need inbound connectivity into the customer's network?” answered Yes"),
        }));
    }

    [Test]
    public void A_review_not_yet_decided_has_no_committee_decision_whatever_the_reviewer_recommends()
    {
        var sheet = Reviews.Fixture();
        var review = new Review(Guid.NewGuid(), Guid.NewGuid(), "q", "1", "h", ReviewStatus.ReadyForCommittee, Guid.Empty, null, null, null, At, At, 2);
        var stored = new StoredReview(
            review, new Vendor(review.VendorId, "Fixture Corporation", null, null, null, At), sheet,
            new Dictionary<string, StoredAnswer>(StringComparer.Ordinal), [], [], null);

        var writeUp = new ReviewWriteUpComposer(new QuestionnaireEvaluator(Reviews.Questionnaire)).Compose(stored, new DateOnly(2026, 3, 9));

        Assert.That((writeUp.ReviewerRecommends, writeUp.CommitteeDecision), Is.EqualTo(("Approve with conditions", (WriteUpDecision?)null)));
    }

    [Test]
    public void An_answers_file_alone_is_judged_on_its_as_of_date()
    {
        var sheet = Reviews.Fixture();
        var composer = new ReviewWriteUpComposer(new QuestionnaireEvaluator(Reviews.Questionnaire));

        var writeUp = composer.Compose(sheet, new DateOnly(2030, 1, 1));

        Assert.That((writeUp.Cover.Vendor, writeUp.Cover.PreparedOn), Is.EqualTo(("Fixture Corp", "1 March 2026")));
        Assert.That(writeUp.Provenance, Is.Empty);
    }

    private static Finding Finding(Guid reviewId, string text, bool withdrawn) =>
        new(Guid.NewGuid(), reviewId, FindingSource.Manual, null, FindingSeverities.High, text, "Platform team", FindingStatus.Open, withdrawn, At, At, 1);

    private static AnswerProvenance Origin(Guid reviewId, string key, string vendorValueJson, bool confirmed) =>
        new(reviewId, key, Guid.NewGuid(), vendorValueJson, At, confirmed ? Guid.NewGuid() : null, confirmed ? At : null);
}
