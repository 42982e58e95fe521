namespace Diligence.Core.Audit;

/// <summary>Where the chain starts: the last pruned event's sequence number and hash, or the genesis before any.</summary>
public sealed record AuditCheckpoint(long Sequence, string Hash)
{
    public static readonly AuditCheckpoint Genesis = new(0, new string('0', 64));
}
