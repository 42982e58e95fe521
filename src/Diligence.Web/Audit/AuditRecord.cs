namespace Diligence.Web.Audit;

/// <summary>
/// One action to audit. <see cref="Actor"/> and <see cref="Role"/> default to the signed-in user (or "system" outside a
/// request); set them when the action names its actor itself, as sign-in does. Summaries never hold answer contents.
/// </summary>
public sealed record AuditRecord(
    string Action,
    string ResourceType,
    string ResourceId,
    string? Before = null,
    string? After = null,
    string? Actor = null,
    string? Role = null);
