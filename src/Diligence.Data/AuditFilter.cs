namespace Diligence.Data;

/// <summary>Which audit events to list or export; every field left null matches everything.</summary>
public sealed record AuditFilter(
    string? Actor = null,
    string? Action = null,
    string? ResourceType = null,
    string? ResourceId = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null)
{
    public static readonly AuditFilter All = new();
}
