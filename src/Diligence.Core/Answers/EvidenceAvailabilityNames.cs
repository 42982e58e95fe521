namespace Diligence.Core.Answers;

/// <summary>The spelling of <see cref="EvidenceAvailability"/> values in answers files and storage.</summary>
public static class EvidenceAvailabilityNames
{
    public static IReadOnlyList<string> All { get; } = ["public", "nda", "on-request", "not-available"];

    public static string ToName(EvidenceAvailability availability) =>
        availability switch
        {
            EvidenceAvailability.Public => "public",
            EvidenceAvailability.Nda => "nda",
            EvidenceAvailability.OnRequest => "on-request",
            EvidenceAvailability.NotAvailable => "not-available",
            _ => throw new ArgumentOutOfRangeException(nameof(availability), availability, null),
        };

    public static bool TryParse(string name, out EvidenceAvailability availability)
    {
        (var known, availability) = name switch
        {
            "public" => (true, EvidenceAvailability.Public),
            "nda" => (true, EvidenceAvailability.Nda),
            "on-request" => (true, EvidenceAvailability.OnRequest),
            "not-available" => (true, EvidenceAvailability.NotAvailable),
            _ => (false, default),
        };
        return known;
    }
}
