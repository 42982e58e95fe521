using Diligence.Core.Reviews;

namespace Diligence.Data;

/// <summary>A dashboard row: the review with its vendor's name and product and its owner's display name.</summary>
public sealed record ReviewSummary(Review Review, string VendorName, string? VendorProduct, string OwnerDisplayName);
