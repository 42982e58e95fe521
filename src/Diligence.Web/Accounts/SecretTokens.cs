using System.Security.Cryptography;
using System.Text;

namespace Diligence.Web.Accounts;

/// <summary>Random secrets handed out once (session ids, reset links) and the SHA-256 that is all the database keeps.</summary>
public static class SecretTokens
{
    /// <summary>256 random bits, URL-safe.</summary>
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
