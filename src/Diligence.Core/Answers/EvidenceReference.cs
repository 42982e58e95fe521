namespace Diligence.Core.Answers;

public sealed record EvidenceReference(
    string Title,
    string? Url = null,
    string? Reference = null,
    EvidenceAvailability? Availability = null,
    DateOnly? Effective = null,
    DateOnly? Expires = null);
