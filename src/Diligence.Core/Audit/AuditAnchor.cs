using System.Globalization;

namespace Diligence.Core.Audit;

/// <summary>
/// The chain's head copied outside the database at a point in time, one line <c>sequence hash time signature</c> of an
/// append-only file: a later database whose event at <see cref="Sequence"/> is missing or holds another hash was
/// rewritten after the anchor was taken.
/// </summary>
public sealed record AuditAnchor(long Sequence, string Hash, DateTimeOffset At, string Signature)
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static AuditAnchor Signed(AuditKey key, long sequence, string hash, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(key);
        var time = at.ToUniversalTime();
        return new AuditAnchor(sequence, hash, time, key.Sign(SignedText(sequence, hash, time)));
    }

    /// <summary>The anchor in <paramref name="line"/>, or null when the line is not one.</summary>
    public static AuditAnchor? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 4
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            && DateTimeOffset.TryParseExact(parts[2], TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                ? new AuditAnchor(sequence, parts[1], at, parts[3])
                : null;
    }

    public string ToLine() => $"{Sequence} {Hash} {Time(At)} {Signature}";

    public bool IsSignedWith(AuditKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Verifies(SignedText(Sequence, Hash, At), Signature);
    }

    /// <summary>
    /// Why the database no longer matches this anchor, given the hash it stores at <see cref="Sequence"/> (null when no
    /// event has that number), where its chain starts and its newest event; null when it matches. Events retention
    /// pruned behind a signed checkpoint are no mismatch.
    /// </summary>
    public string? Mismatch(string? storedHash, AuditCheckpoint start, long newest)
    {
        ArgumentNullException.ThrowIfNull(start);
        if (Sequence == start.Sequence && start.Sequence > 0)
        {
            storedHash = start.Hash;
        }
        else if (Sequence < start.Sequence)
        {
            return null;
        }
        if (storedHash is null)
        {
            return Sequence > newest
                ? $"event #{Sequence} is gone (the log now ends at #{newest})"
                : $"event #{Sequence} is missing";
        }
        return string.Equals(storedHash, Hash, StringComparison.Ordinal) ? null : $"event #{Sequence} holds another hash";
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static string SignedText(long sequence, string hash, DateTimeOffset at) => $"diligence-audit-anchor\n{sequence}\n{hash}\n{Time(at)}";
}
