namespace Diligence.Core.Audit;

/// <summary>
/// The signed record of the chain's newest event, rewritten with every event in the same transaction, and of where the
/// chain became keyed: events up to <see cref="KeyedFrom"/> were sealed with plain SHA-256 before audit keys existed
/// (and end in <see cref="KeyedHash"/>), events after it with the key. Without the key it cannot be lowered to hide
/// removed events, nor moved to pass keyed events off as unkeyed ones.
/// </summary>
public sealed record AuditHead(long Sequence, string Hash, string Signature, long KeyedFrom, string KeyedHash, string KeyedSignature)
{
    /// <summary>The head of a chain that has no event yet, keyed from its start.</summary>
    public static AuditHead Empty(AuditKey key, AuditCheckpoint start)
    {
        ArgumentNullException.ThrowIfNull(start);
        return Keyed(key, start.Sequence, start.Hash);
    }

    /// <summary>A chain keyed from <paramref name="sequence"/>, whose newest event is that one.</summary>
    public static AuditHead Keyed(AuditKey key, long sequence, string hash)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new AuditHead(sequence, hash, SignHead(key, sequence, hash), sequence, hash, key.Sign(KeyedText(sequence, hash)));
    }

    /// <summary>The signature of a head at <paramref name="sequence"/> with <paramref name="hash"/>.</summary>
    public static string SignHead(AuditKey key, long sequence, string hash)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Sign(HeadText(sequence, hash));
    }

    /// <summary>This head moved on to <paramref name="newest"/>, signed again.</summary>
    public AuditHead After(AuditKey key, AuditEvent newest)
    {
        ArgumentNullException.ThrowIfNull(newest);
        return this with { Sequence = newest.Sequence, Hash = newest.Hash, Signature = SignHead(key, newest.Sequence, newest.Hash) };
    }

    public bool IsSignedWith(AuditKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Verifies(HeadText(Sequence, Hash), Signature);
    }

    public bool IsKeyedWith(AuditKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Verifies(KeyedText(KeyedFrom, KeyedHash), KeyedSignature);
    }

    private static string HeadText(long sequence, string hash) => $"diligence-audit-head\n{sequence}\n{hash}";

    private static string KeyedText(long sequence, string hash) => $"diligence-audit-keyed-from\n{sequence}\n{hash}";
}
