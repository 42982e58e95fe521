namespace Diligence.Core.WriteUp;

/// <summary>The facts on the cover page; dates are already formatted.</summary>
public sealed record WriteUpCover(
    string Vendor,
    string? Product,
    string ReviewTitle,
    string? ReviewId,
    string Status,
    string? Reviewer,
    string PreparedOn,
    string? AnswersAsOf,
    string Confidentiality);
