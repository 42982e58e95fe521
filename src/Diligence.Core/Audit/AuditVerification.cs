namespace Diligence.Core.Audit;

/// <summary>
/// The outcome of checking a chain: <see cref="Count"/> events checked, and when broken the sequence number of the
/// first event that does not fit and why.
/// </summary>
public sealed record AuditVerification(long Count, long? BrokenAt, string? Reason)
{
    public bool IsIntact => BrokenAt is null;

    public override string ToString() => IsIntact
        ? $"audit chain ok: {Count} events"
        : $"audit chain broken at event #{BrokenAt}: {Reason}";
}
