using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Diligence.Core.Audit;

/// <summary>
/// The hash chain over audit events. The canonical form is the previous hash followed by every field in a fixed order,
/// each written as its UTF-8 byte length, a colon, the bytes and a newline (a missing value as "-" and a newline), times
/// as UTC round-trip text; the event's hash is HMAC-SHA-256 over that with the audit key, in lower-case hex. Events
/// written before audit keys existed used plain SHA-256 over the same form (see <see cref="AuditHead.KeyedFrom"/>).
/// </summary>
public static class AuditChain
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>The event for <paramref name="entry"/> at <paramref name="sequence"/>, chained to <paramref name="previousHash"/>.</summary>
    public static AuditEvent Seal(AuditKey key, long sequence, string previousHash, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(entry);
        var unsealed = new AuditEvent(
            sequence, entry.OccurredAt.ToUniversalTime(), Text(entry.Actor), Text(entry.Role), Text(entry.Action),
            Text(entry.ResourceType), Text(entry.ResourceId), Text(entry.Before), Text(entry.After),
            Text(entry.ClientAddress), Text(entry.RequestId), previousHash, Hash: "");
        return unsealed with { Hash = HashOf(unsealed, key) };
    }

    /// <summary>
    /// HMAC-SHA-256 with <paramref name="key"/> over the canonical form of the event and its previous hash, or plain
    /// SHA-256 when <paramref name="key"/> is null (the form of events written before audit keys); the event's own
    /// <see cref="AuditEvent.Hash"/> is ignored.
    /// </summary>
    public static string HashOf(AuditEvent e, AuditKey? key)
    {
        ArgumentNullException.ThrowIfNull(e);
        Span<char> number = stackalloc char[20];
        Span<char> time = stackalloc char[28];
        e.Sequence.TryFormat(number, out var numberLength, provider: CultureInfo.InvariantCulture);
        e.OccurredAt.UtcDateTime.TryFormat(time, out var timeLength, TimeFormat, CultureInfo.InvariantCulture);

        var max = 11 * 16 + Encoding.UTF8.GetMaxByteCount(
            e.PreviousHash.Length + numberLength + timeLength + e.Actor.Length + e.Role.Length + e.Action.Length
            + e.ResourceType.Length + e.ResourceId.Length + (e.Before?.Length ?? 0) + (e.After?.Length ?? 0)
            + (e.ClientAddress?.Length ?? 0) + (e.RequestId?.Length ?? 0));
        var buffer = ArrayPool<byte>.Shared.Rent(max);
        try
        {
            var at = 0;
            Write(buffer, ref at, e.PreviousHash);
            Write(buffer, ref at, number[..numberLength]);
            Write(buffer, ref at, time[..timeLength]);
            Write(buffer, ref at, e.Actor);
            Write(buffer, ref at, e.Role);
            Write(buffer, ref at, e.Action);
            Write(buffer, ref at, e.ResourceType);
            Write(buffer, ref at, e.ResourceId);
            Write(buffer, ref at, e.Before);
            Write(buffer, ref at, e.After);
            Write(buffer, ref at, e.ClientAddress);
            Write(buffer, ref at, e.RequestId);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            if (key is null)
            {
                SHA256.HashData(buffer.AsSpan(0, at), hash);
            }
            else
            {
                key.Mac(buffer.AsSpan(0, at), hash);
            }
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Checks the keyed chain: <paramref name="head"/> and <paramref name="start"/> must be signed with
    /// <paramref name="key"/> (a retention checkpoint never covers the newest event), then the events in sequence order,
    /// one at a time, starting after <paramref name="start"/>: a changed event (its hash no longer matches), a removed
    /// one (a gap in the numbers or a previous hash that does not match), and removed or replaced events at the end (the
    /// signed head names the newest event and its hash). A null <paramref name="head"/> is a log that never had one:
    /// only a log without events or checkpoints may lack it.
    /// </summary>
    public static AuditVerification Verify(IEnumerable<AuditEvent> events, AuditKey key, AuditCheckpoint start, AuditHead? head)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(start);
        if (head is null)
        {
            var first = start.Sequence > 0 ? start.Sequence : events.Select(e => (long?)e.Sequence).FirstOrDefault();
            return first is { } at
                ? new AuditVerification(0, at, "the signed audit head is missing, though events were written")
                : new AuditVerification(0, null, null);
        }
        if (!head.IsKeyedWith(key))
        {
            return new AuditVerification(0, head.KeyedFrom + 1, "the record of where the chain became keyed is not signed with this audit key");
        }
        if (!head.IsSignedWith(key))
        {
            return new AuditVerification(0, head.Sequence, "the audit head is not signed with this audit key");
        }
        if (start.Sequence > 0)
        {
            if (start.Signature is null)
            {
                return new AuditVerification(0, start.Sequence, "its retention checkpoint is not signed");
            }
            if (!start.IsSignedWith(key))
            {
                return new AuditVerification(0, start.Sequence, "its retention checkpoint is not signed with this audit key");
            }
            if (start.Sequence >= head.Sequence)
            {
                return new AuditVerification(0, start.Sequence,
                    $"its retention checkpoint covers the newest event (#{head.Sequence}), which retention always keeps");
            }
        }
        var expected = start.Sequence + 1;
        var previousHash = start.Hash;
        long count = 0;
        foreach (var e in events)
        {
            if (e.Sequence > head.Sequence && e.Sequence == expected)
            {
                return new AuditVerification(count, e.Sequence, $"event is newer than the signed audit head (#{head.Sequence})");
            }
            if (BrokenLink(e, expected, previousHash, e.Sequence > head.KeyedFrom ? key : null, count) is { } broken)
            {
                return broken;
            }
            if (e.Sequence == head.KeyedFrom && !string.Equals(e.Hash, head.KeyedHash, StringComparison.Ordinal))
            {
                return new AuditVerification(count, e.Sequence, "event was replaced (the signed record of where the chain became keyed holds another hash)");
            }
            if (e.Sequence == head.Sequence && !string.Equals(e.Hash, head.Hash, StringComparison.Ordinal))
            {
                return new AuditVerification(count, e.Sequence, "event was replaced (the signed audit head holds another hash)");
            }
            previousHash = e.Hash;
            expected++;
            count++;
        }
        return head.Sequence >= expected
            ? new AuditVerification(count, expected, $"event is missing (events up to #{head.Sequence} were written)")
            : new AuditVerification(count, null, null);
    }

    /// <summary>
    /// Checks a chain written before audit keys (plain SHA-256), before it is keyed: events in sequence order, one at a
    /// time, starting after <paramref name="start"/>. Finds a changed event
    /// (its hash no longer matches), a removed one (a gap in the numbers or a previous hash that does not match), and
    /// removed events at the end, given <paramref name="lastIssued"/> (the highest sequence number known to be written)
    /// or <paramref name="witness"/> (the newest event recorded outside the chain), whose hash also catches an event
    /// removed and its number issued again.
    /// </summary>
    public static AuditVerification VerifyUnkeyed(
        IEnumerable<AuditEvent> events, AuditCheckpoint start, long? lastIssued = null, AuditWitness? witness = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(start);
        var expected = start.Sequence + 1;
        var previousHash = start.Hash;
        long count = 0;
        foreach (var e in events)
        {
            if (BrokenLink(e, expected, previousHash, key: null, count) is { } broken)
            {
                return broken;
            }
            if (witness is not null && e.Sequence == witness.Sequence && !string.Equals(e.Hash, witness.Hash, StringComparison.Ordinal))
            {
                return new AuditVerification(count, e.Sequence, "event was replaced (the record written with it holds another hash)");
            }
            previousHash = e.Hash;
            expected++;
            count++;
        }
        var last = Math.Max(lastIssued ?? 0, witness?.Sequence ?? 0);
        return last >= expected
            ? new AuditVerification(count, expected, $"event is missing (events up to #{last} were written)")
            : new AuditVerification(count, null, null);
    }

    // What every chain check finds wrong with one link: a gap or a step back in the numbers, a previous hash that is not
    // the hash of the event before, or contents that no longer match the event's own hash (unkeyed when key is null).
    private static AuditVerification? BrokenLink(AuditEvent e, long expected, string previousHash, AuditKey? key, long count)
    {
        if (e.Sequence > expected)
        {
            return new AuditVerification(count, expected, $"event is missing (the next stored event is #{e.Sequence})");
        }
        if (e.Sequence < expected)
        {
            return new AuditVerification(count, e.Sequence, $"event is out of order (expected #{expected})");
        }
        if (!string.Equals(e.PreviousHash, previousHash, StringComparison.Ordinal))
        {
            return new AuditVerification(count, e.Sequence, "its previous hash does not match the event before it");
        }
        return string.Equals(HashOf(e, key), e.Hash, StringComparison.Ordinal)
            ? null
            : new AuditVerification(count, e.Sequence, "its contents do not match its hash");
    }

    // A lone surrogate cannot be stored as UTF-8: it is replaced now, so the stored text hashes as it was sealed.
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
    private static string? Text(string? value) =>
        value is not null && value.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF') ? Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(value)) : value;

    private static void Write(byte[] buffer, ref int at, string? value)
    {
        if (value is null)
        {
            buffer[at++] = (byte)'-';
            buffer[at++] = (byte)'\n';
            return;
        }
        Write(buffer, ref at, value.AsSpan());
    }

    private static void Write(byte[] buffer, ref int at, ReadOnlySpan<char> value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        length.TryFormat(buffer.AsSpan(at), out var written, provider: CultureInfo.InvariantCulture);
        at += written;
        buffer[at++] = (byte)':';
        at += Encoding.UTF8.GetBytes(value, buffer.AsSpan(at));
        buffer[at++] = (byte)'\n';
    }
}
