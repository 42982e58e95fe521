namespace Diligence.Core.Vendors;

/// <summary>A supplier under review. Contacts is free text (names, e-mail addresses).</summary>
public sealed record Vendor(
    Guid Id,
    string Name,
    string? Product,
    string? Website,
    string? Contacts,
    DateTimeOffset CreatedAt);
