namespace Diligence.Reports;

/// <summary>What a print of a write-up says about itself: the page each top-level part starts on, and how many pages.</summary>
internal sealed record PrintedSections(IReadOnlyDictionary<string, int> Starts, int PageCount);
