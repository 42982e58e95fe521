using Diligence.Core.Reviews;

namespace Diligence.Core.WriteUp;

/// <summary>
/// What a stored review knows beyond its answers. Every part is optional: a write-up from a plain answers file has none
/// of them, and then the vendor comes from the answers file, findings are the evaluator's (status open), and the
/// decision and recommendation are the reviewer's answers, if any.
/// </summary>
public sealed record ReviewFacts
{
    public string? VendorName { get; init; }

    public string? Product { get; init; }

    public string? ReviewTitle { get; init; }

    public string? ReviewId { get; init; }

    public ReviewStatus? Status { get; init; }

    /// <summary>The committee's decision, once recorded; the reviewer's recommended decision is an answer, not this.</summary>
    public Decision? Decision { get; init; }

    /// <summary>Why the committee decided as it did, as the committee wrote it (plain text).</summary>
    public string? DecisionRationale { get; init; }

    /// <summary>Who recorded the decision.</summary>
    public string? DecidedBy { get; init; }

    /// <summary>Markdown; overrides the answer to <c>review.recommendation</c>.</summary>
    public string? Recommendation { get; init; }

    public string? Reviewer { get; init; }

    public DateOnly? PreparedOn { get; init; }

    public DateOnly? DecidedOn { get; init; }

    /// <summary>The review's findings with owner and status; null to list the evaluator's raised findings instead.</summary>
    public IReadOnlyList<ReviewFinding>? Findings { get; init; }

    /// <summary>Where each answer came from, by answer key.</summary>
    public IReadOnlyDictionary<string, AnswerOrigin>? Provenance { get; init; }

    public string Confidentiality { get; init; } = "Confidential";
}
