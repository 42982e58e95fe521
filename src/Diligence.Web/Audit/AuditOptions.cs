using System.ComponentModel.DataAnnotations;

namespace Diligence.Web.Audit;

public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>Days audit events are kept; 0 keeps them for ever. Older events are pruned behind a chain checkpoint.</summary>
    [Range(0, 36500)]
    public int RetentionDays { get; set; }
}
