using Diligence.Core.Answers;
using Diligence.Core.Evaluation;
using Diligence.Core.Reviews;

namespace Diligence.Core.WriteUp;

/// <summary>
/// The one place a write-up is composed, for the CLI (an answers file alone) and for the web app's export jobs (a
/// stored review, whose findings, decision and answer provenance go into the document). Pure, like the builder.
/// </summary>
public sealed class ReviewWriteUpComposer(QuestionnaireEvaluator evaluator)
{
    private readonly WriteUpBuilder _builder = new(evaluator);

    /// <summary>An answers file's write-up, judged on its as-of date (or <paramref name="today"/> when it has none).</summary>
    public WriteUp Compose(AnswerSheet sheet, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return _builder.Build(sheet, sheet.AsOf ?? today);
    }

    /// <summary>A stored review's write-up as of <paramref name="today"/>.</summary>
    public WriteUp Compose(StoredReview review, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(review);
        var decided = review.Review.Status == ReviewStatus.Decided;
        return _builder.Build(review.Sheet, today, new ReviewFacts
        {
            VendorName = review.Vendor.Name,
            Product = review.Vendor.Product,
            ReviewId = review.Review.Id.ToString(),
            Status = review.Review.Status,
            Decision = decided ? review.Review.Decision : null,
            DecisionRationale = decided ? review.Review.DecisionRationale : null,
            DecidedBy = decided && review.Review.DecidedBy is { } by ? review.People?.GetValueOrDefault(by) : null,
            Reviewer = review.OwnerName,
            PreparedOn = today,
            DecidedOn = decided && review.Review.DecidedAt is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : null,
            Findings = ReviewFinding.FromStored(review.Findings, review.People),
            Provenance = OriginsOf(review),
        });
    }

    /// <summary>Each prefilled answer's origin, judged against the answer as it is stored now.</summary>
    public static IReadOnlyDictionary<string, AnswerOrigin> OriginsOf(StoredReview review)
    {
        ArgumentNullException.ThrowIfNull(review);
        return review.Provenance.ToDictionary(
            p => p.Key,
            p => p.StatusFor(review.Answers.GetValueOrDefault(p.Key)?.ValueJson) switch
            {
                ProvenanceStatus.Confirmed => AnswerOrigin.ReviewerConfirmed,
                ProvenanceStatus.Overridden => AnswerOrigin.ReviewerOverridden,
                _ => AnswerOrigin.VendorSupplied,
            },
            StringComparer.Ordinal);
    }
}
