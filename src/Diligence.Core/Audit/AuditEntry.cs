namespace Diligence.Core.Audit;

/// <summary>What a caller records; the store adds the sequence number and the chain hashes.</summary>
public sealed record AuditEntry(
    DateTimeOffset OccurredAt,
    string Actor,
    string Role,
    string Action,
    string ResourceType,
    string ResourceId,
    string? Before,
    string? After,
    string? ClientAddress,
    string? RequestId);
