using System.ComponentModel.DataAnnotations;

namespace Diligence.Web.Audit;

public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>Days audit events are kept; 0 keeps them for ever. Older events are pruned behind a chain checkpoint.</summary>
    [Range(0, 36500)]
    public int RetentionDays { get; set; }

    /// <summary>
    /// The audit key, base64 of at least 32 random bytes (environment: <c>Audit__Key</c>); the same on every node, never
    /// stored in the database. Without it or <see cref="KeyFile"/>, embedded SQLite keeps one in <c>audit.key</c>
    /// beside the database.
    /// </summary>
    public string? Key { get; set; }

    /// <summary>A file holding the audit key as base64, readable by its owner only.</summary>
    public string? KeyFile { get; set; }

    /// <summary>The append-only file the chain's head is exported to; default <c>audit-anchors.log</c> beside the database.</summary>
    public string? AnchorFile { get; set; }

    /// <summary>Minutes between anchors (one is also written at start and at shutdown, when the head moved).</summary>
    [Range(1, 1440)]
    public int AnchorMinutes { get; set; } = 15;
}
