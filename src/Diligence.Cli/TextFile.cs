using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Diligence.Cli;

/// <summary>Reads a file named on the command line as UTF-8 text, or says in one output line why it cannot.</summary>
internal static class TextFile
{
    /// <summary>The loader's own limit: questionnaires and answers files are kilobytes, so a larger file is not read at all.</summary>
    public const long MaxBytes = 16 * 1024 * 1024;

    private static readonly byte[] _utf8ByteOrderMark = [0xEF, 0xBB, 0xBF];

    public static bool TryRead(string path, [NotNullWhen(true)] out string? text, [NotNullWhen(false)] out string? problem)
    {
        text = null;
        if (Directory.Exists(path))
        {
            problem = $"{path}: error: is a directory, not a file";
            return false;
        }

        if (!File.Exists(path))
        {
            problem = $"{path}: error: file not found";
            return false;
        }

        byte[] bytes;
        try
        {
            using var stream = File.OpenRead(path);
            if (stream.Length > MaxBytes)
            {
                problem = $"{path}: error: file is {Mebibytes(stream.Length)}, larger than the {Mebibytes(MaxBytes)} limit";
                return false;
            }

            bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            problem = $"{path}: error: cannot read the file: {exception.Message}";
            return false;
        }

        var content = bytes.AsSpan();
        if (content.StartsWith(_utf8ByteOrderMark))
        {
            content = content[_utf8ByteOrderMark.Length..];
        }

        if (content.Contains((byte)0))
        {
            problem = $"{path}: error: binary file (it contains NUL bytes), not YAML text";
            return false;
        }

        var chars = new char[Encoding.UTF8.GetMaxCharCount(content.Length)];
        var status = Utf8.ToUtf16(content, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            var (line, column) = Position(content[..bytesRead]);
            problem = $"{path}:{line}:{column}: error: not UTF-8 text (invalid byte 0x{content[bytesRead]:X2})";
            return false;
        }

        text = new string(chars, 0, charsWritten);
        problem = null;
        return true;
    }

    private static (int Line, int Column) Position(ReadOnlySpan<byte> validPrefix)
    {
        var lineStart = validPrefix.LastIndexOf((byte)'\n') + 1;
        var line = validPrefix.Count((byte)'\n') + 1;
        return (line, Encoding.UTF8.GetCharCount(validPrefix[lineStart..]) + 1);
    }

    private static string Mebibytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MiB");
}
