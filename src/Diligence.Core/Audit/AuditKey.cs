using System.Security.Cryptography;
using System.Text;

namespace Diligence.Core.Audit;

/// <summary>
/// The secret the audit chain, its head, its checkpoints and its anchors are signed with (HMAC-SHA-256). It is kept
/// outside the database, so someone who can write the database but does not hold it cannot redo the chain.
/// </summary>
public sealed class AuditKey
{
    /// <summary>The shortest key accepted: HMAC-SHA-256's own block of security.</summary>
    public const int MinimumLength = 32;

    private readonly byte[] _bytes;

    public AuditKey(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < MinimumLength)
        {
            throw new ArgumentException($"An audit key must be at least {MinimumLength} bytes; this one is {bytes.Length}.", nameof(bytes));
        }
        _bytes = bytes.ToArray();
    }

    /// <summary>A new random key of <see cref="MinimumLength"/> bytes.</summary>
    public static AuditKey Generate() => new(RandomNumberGenerator.GetBytes(MinimumLength));

    /// <summary>The key written as base64; throws <see cref="FormatException"/> for text that is not base64.</summary>
    public static AuditKey FromBase64(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new AuditKey(Convert.FromBase64String(text.Trim()));
    }

    /// <summary>The key as base64, for writing it to its file; never for logs or messages.</summary>
    public string ToBase64() => Convert.ToBase64String(_bytes);

    /// <summary>HMAC-SHA-256 of <paramref name="data"/> into <paramref name="destination"/> (32 bytes).</summary>
    public void Mac(ReadOnlySpan<byte> data, Span<byte> destination) => HMACSHA256.HashData(_bytes, data, destination);

    /// <summary>The signature of <paramref name="text"/>: HMAC-SHA-256 over its UTF-8 bytes, in lower-case hex.</summary>
    public string Sign(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Mac(Encoding.UTF8.GetBytes(text), mac);
        return Convert.ToHexStringLower(mac);
    }

    /// <summary>Whether <paramref name="signature"/> is this key's signature of <paramref name="text"/>, compared in constant time.</summary>
    public bool Verifies(string text, string? signature) =>
        signature is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(text)), Encoding.ASCII.GetBytes(signature));

    // Never the key itself: a key that reaches a log or an exception message is no longer kept apart.
    public override string ToString() => "AuditKey(hidden)";
}
