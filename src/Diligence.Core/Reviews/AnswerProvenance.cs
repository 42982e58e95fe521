namespace Diligence.Core.Reviews;

/// <summary>
/// A review answer that was prefilled from the vendor's library: the vendor's value as it was then (kept when the
/// reviewer overrides it), when the vendor last changed it, the day the vendor declared it current (the library's
/// as-of date, when submitted after that change), and who confirmed it, if anyone.
/// </summary>
public sealed record AnswerProvenance(
    Guid ReviewId,
    string Key,
    Guid VendorId,
    string VendorValueJson,
    DateTimeOffset VendorUpdatedAt,
    Guid? ConfirmedBy,
    DateTimeOffset? ConfirmedAt,
    DateOnly? VendorAsOf = null)
{
    /// <summary>Overridden once the review's answer differs from the vendor's; confirmed only while it is the same.</summary>
    public ProvenanceStatus StatusFor(string? currentValueJson) =>
        currentValueJson != VendorValueJson ? ProvenanceStatus.Overridden
        : ConfirmedAt is not null ? ProvenanceStatus.Confirmed
        : ProvenanceStatus.Prefilled;
}
