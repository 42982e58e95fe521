namespace Diligence.Data.Sqlite;

/// <summary>A reviews row joined with its vendor and owner.</summary>
internal sealed class ReviewSummaryRow : ReviewRow
{
    public string VendorName { get; init; } = "";

    public string? VendorProduct { get; init; }

    public string OwnerDisplayName { get; init; } = "";

    public ReviewSummary ToSummary() => new(ToReview(), VendorName, VendorProduct, OwnerDisplayName);
}
