namespace Diligence.Core.Vendors;

/// <summary>What a review awaiting the vendor asks of it: the keys to answer in the library, and by when.</summary>
public sealed record VendorRequest(
    Guid ReviewId,
    Guid VendorId,
    IReadOnlyList<string> Keys,
    DateOnly DueOn,
    DateTimeOffset RequestedAt);
