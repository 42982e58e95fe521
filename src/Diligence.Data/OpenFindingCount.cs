namespace Diligence.Data;

/// <summary>How many findings of one severity are open (and not withdrawn) on a review.</summary>
public sealed record OpenFindingCount(Guid ReviewId, string Severity, int Count);
