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
            .And.Property("Decision").EqualTo("Reject")
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
