namespace Diligence.Core.WriteUp;

/// <summary>
/// Shared responsibility as three columns (vendor, customer, cloud provider), one row per scope the obligations
/// apply to (a deployment model, a regime); obligations are markdown.
/// </summary>
public sealed record ResponsibilityTable(IReadOnlyList<string> Parties, IReadOnlyList<ResponsibilityRow> Rows);
