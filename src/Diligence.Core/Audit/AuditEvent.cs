namespace Diligence.Core.Audit;

/// <summary>
/// One append-only audit record. <see cref="PreviousHash"/> is the hash of the event before it (or of the last pruned
/// event), <see cref="Hash"/> is HMAC-SHA-256 with the audit key over that and this event's canonical form (see <see cref="AuditChain"/>).
/// </summary>
public sealed record AuditEvent(
    long Sequence,
    DateTimeOffset OccurredAt,
    string Actor,
    string Role,
    string Action,
    string ResourceType,
    string ResourceId,
    string? Before,
    string? After,
    string? ClientAddress,
    string? RequestId,
    string PreviousHash,
    string Hash);
