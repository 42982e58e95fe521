using Diligence.Core.Audit;

namespace Diligence.Web.Audit;

/// <summary>
/// One audit event per action, with who, from where and in which request. A change to stored data hands the store the
/// <see cref="Describe"/>d event to commit with it; an action that stores nothing of its own (a sign-in, a download)
/// records its event once it succeeded.
/// </summary>
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
