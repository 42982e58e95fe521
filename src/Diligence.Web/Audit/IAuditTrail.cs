using Diligence.Core.Audit;

namespace Diligence.Web.Audit;

/// <summary>Writes one audit event per action, after the action succeeded, with who, from where and in which request.</summary>
public interface IAuditTrail
{
    Task RecordAsync(AuditRecord record, CancellationToken ct);

    /// <summary>
    /// The event a record becomes (who, from where, in which request), for a store that appends it in the transaction
    /// of the change it records; call <see cref="Written"/> once that committed.
    /// </summary>
    AuditEntry Describe(AuditRecord record);

    /// <summary>Counts an event a store wrote with its change (<see cref="RecordAsync"/> counts its own).</summary>
    void Written(string action);
}
