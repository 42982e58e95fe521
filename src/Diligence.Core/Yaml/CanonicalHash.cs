using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Diligence.Core.Yaml;

/// <summary>
/// SHA-256 over a canonical form of a node tree: mapping keys sorted ordinally, scalars as their text, sequences in
/// order, every part length-prefixed so no two trees share a form. Layout, quoting, flow or block style and comments
/// leave no trace in the tree, so they cannot change the hash.
/// </summary>
internal static class CanonicalHash
{
    public static string Compute(Node root)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, root);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, Node node)
    {
        switch (node)
        {
            case ScalarNode scalar:
                AppendText(hash, 's', scalar.Text);
                break;
            case SequenceNode sequence:
                AppendHeader(hash, 'l', sequence.Items.Count);
                foreach (var item in sequence.Items)
                    Append(hash, item);
                break;
            case MappingNode mapping:
                AppendHeader(hash, 'm', mapping.Entries.Count);
                foreach (var entry in mapping.Entries.OrderBy(e => e.Key.Text, StringComparer.Ordinal))
                {
                    AppendText(hash, 'k', entry.Key.Text);
                    Append(hash, entry.Value);
                }
                break;
        }
    }

    private static void AppendText(IncrementalHash hash, char kind, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        AppendHeader(hash, kind, bytes.Length);
        hash.AppendData(bytes);
    }

    private static void AppendHeader(IncrementalHash hash, char kind, int length) =>
        hash.AppendData(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{kind}{length}:")));
}
