namespace Diligence.Core.Audit;

/// <summary>
/// An event's number and hash written outside the chain, in the same transaction as the event: the newest such record
/// lets verification notice that event removed from the end, or removed and its number issued again.
/// </summary>
public sealed record AuditWitness(long Sequence, string Hash);
