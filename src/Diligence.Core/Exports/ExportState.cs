namespace Diligence.Core.Exports;

/// <summary>Where a PDF export is: queued → rendering → ready, or failed (which a retry puts back to queued).</summary>
public enum ExportState
{
    Queued,
    Rendering,
    Ready,
    Failed,
}
