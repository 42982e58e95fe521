using System.IO.Compression;

namespace Diligence.Web.Accounts;

/// <summary>
/// The 100,000 most common passwords of 8 or more characters (the embedded <c>common-passwords.txt.gz</c>; its source is
/// named in Diligence.Web.csproj), compared case-insensitively. Read on first use and kept as one sorted array, about
/// 5 MB, for the app's lifetime.
/// </summary>
public sealed class CommonPasswords
{
    private readonly Lazy<string[]> _sorted = new(Load);

    public int Count => _sorted.Value.Length;

    public bool Contains(string password) =>
        Array.BinarySearch(_sorted.Value, password.ToLowerInvariant(), StringComparer.Ordinal) >= 0;

    private static string[] Load()
    {
        using var resource = typeof(CommonPasswords).Assembly.GetManifestResourceStream("common-passwords.txt.gz")
            ?? throw new InvalidOperationException("The common-password list is missing from the build.");
        using var reader = new StreamReader(new GZipStream(resource, CompressionMode.Decompress));
        var passwords = new List<string>(100_000);
        while (reader.ReadLine() is { } line)
        {
            passwords.Add(line);
        }
        var sorted = passwords.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        return sorted;
    }
}
