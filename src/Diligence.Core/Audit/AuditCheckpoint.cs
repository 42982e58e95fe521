namespace Diligence.Core.Audit;

/// <summary>
/// Where the chain starts: the last pruned event's sequence number and hash, signed with the audit key by retention
/// (so a checkpoint inserted by hand, which would let events be deleted, is refused), or the genesis before any.
/// </summary>
public sealed record AuditCheckpoint(long Sequence, string Hash, string? Signature = null)
{
    public static readonly AuditCheckpoint Genesis = new(0, new string('0', 64));

    /// <summary>The checkpoint at <paramref name="sequence"/>, signed with <paramref name="key"/>.</summary>
    public static AuditCheckpoint Signed(AuditKey key, long sequence, string hash)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new AuditCheckpoint(sequence, hash, key.Sign(SignedText(sequence, hash)));
    }

    public bool IsSignedWith(AuditKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Verifies(SignedText(Sequence, Hash), Signature);
    }

    // Each signed record names its kind, so one record's signature is never valid for another kind.
    private static string SignedText(long sequence, string hash) => $"diligence-audit-checkpoint\n{sequence}\n{hash}";
}
