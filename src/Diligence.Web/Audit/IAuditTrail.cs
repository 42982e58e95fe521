namespace Diligence.Web.Audit;

/// <summary>Writes one audit event per action, after the action succeeded, with who, from where and in which request.</summary>
public interface IAuditTrail
{
    Task RecordAsync(AuditRecord record, CancellationToken ct);
}
