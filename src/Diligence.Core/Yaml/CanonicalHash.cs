using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Diligence.Core.Yaml;

/// <summary>
/// SHA-256 over a canonical form of a node tree: mapping keys sorted ordinally, scalars as their text, sequences in
/// order, every part length-prefixed so no two trees share a form. Layout, quoting, flow or block style and comments
/// leave no trace in the tree, so they cannot change the hash.
/// </summary>
internal sealed class CanonicalHash : IDisposable
{
    // Hashing many small parts one call each is slow; they are gathered and hashed a block at a time.
    private const int BlockSize = 64 * 1024;

    private static readonly Comparer<KeyValuePair<ScalarNode, Node>> _byKey =
        Comparer<KeyValuePair<ScalarNode, Node>>.Create((a, b) => string.CompareOrdinal(a.Key.Text, b.Key.Text));

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _block = new byte[BlockSize];
    private int _used;

    public static string Compute(Node root)
    {
        using var canonical = new CanonicalHash();
        canonical.Append(root);
        canonical.Flush();
        return Convert.ToHexStringLower(canonical._hash.GetHashAndReset());
    }

    public void Dispose() => _hash.Dispose();

    private void Append(Node node)
    {
        switch (node)
        {
            case ScalarNode scalar:
                AppendText((byte)'s', scalar.Text);
                break;
            case SequenceNode sequence:
                AppendHeader((byte)'l', sequence.Items.Count);
                foreach (var item in sequence.Items)
                    Append(item);
                break;
            case MappingNode mapping:
                var count = mapping.Entries.Count;
                AppendHeader((byte)'m', count);
                var entries = ArrayPool<KeyValuePair<ScalarNode, Node>>.Shared.Rent(count);
                try
                {
                    for (var i = 0; i < count; i++)
                        entries[i] = mapping.Entries[i];
                    Array.Sort(entries, 0, count, _byKey);
                    for (var i = 0; i < count; i++)
                    {
                        AppendText((byte)'k', entries[i].Key.Text);
                        Append(entries[i].Value);
                    }
                }
                finally
                {
                    ArrayPool<KeyValuePair<ScalarNode, Node>>.Shared.Return(entries, clearArray: true);
                }
                break;
        }
    }

    private void AppendText(byte kind, string text)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        AppendHeader(kind, length);
        if (length > BlockSize - _used)
        {
            Flush();
            if (length > BlockSize)
            {
                _hash.AppendData(Encoding.UTF8.GetBytes(text));
                return;
            }
        }
        _used += Encoding.UTF8.GetBytes(text, _block.AsSpan(_used));
    }

    private void AppendHeader(byte kind, int length)
    {
        // A kind byte, the length in decimal, a colon: at most 12 bytes.
        if (BlockSize - _used < 12)
            Flush();
        _block[_used++] = kind;
        Utf8Formatter.TryFormat(length, _block.AsSpan(_used), out var written);
        _used += written;
        _block[_used++] = (byte)':';
    }

    private void Flush()
    {
        _hash.AppendData(_block, 0, _used);
        _used = 0;
    }
}
