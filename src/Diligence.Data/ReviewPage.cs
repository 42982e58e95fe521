namespace Diligence.Data;

/// <summary>One page of reviews, most recently updated first, and how many match the filter in all.</summary>
public sealed record ReviewPage(IReadOnlyList<ReviewSummary> Reviews, int Total);
