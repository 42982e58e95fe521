using System.Globalization;
using System.Text;

namespace Diligence.Core.Yaml;

/// <summary>Reads a file's bytes as strict UTF-8 within a size limit.</summary>
internal static class SourceText
{
    public const int MaxBytes = 16 * 1024 * 1024;

    public static string? ReadFile(string path, DiagnosticBag bag)
    {
        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxBytes)
            {
                ReportTooLarge(length, bag);
                return null;
            }
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException
            or System.Security.SecurityException)
        {
            bag.Error(1, 1, $"cannot read the file: {e.Message}");
            return null;
        }
        return Decode(bytes, bag);
    }

    public static string? Decode(ReadOnlySpan<byte> bytes, DiagnosticBag bag)
    {
        if (bytes.Length > MaxBytes)
        {
            ReportTooLarge(bytes.Length, bag);
            return null;
        }
        if (bytes.StartsWith("\uFEFF"u8))
            bytes = bytes[3..];
        if (System.Text.Unicode.Utf8.IsValid(bytes))
            return Encoding.UTF8.GetString(bytes);
        var offset = 0;
        while (offset < bytes.Length)
        {
            var status = Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                var (line, column) = PositionOf(bytes, offset);
                bag.Error(line, column, "file is not valid UTF-8 text");
                return null;
            }
            offset += consumed;
        }
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Refuses text whose UTF-8 form is over the limit, so a string and a file of it behave alike.</summary>
    public static bool IsWithinLimit(string text, DiagnosticBag bag)
    {
        if (text.Length * 3L <= MaxBytes)
            return true;
        var byteCount = Encoding.UTF8.GetByteCount(text);
        if (byteCount <= MaxBytes)
            return true;
        ReportTooLarge(byteCount, bag);
        return false;
    }

    private static void ReportTooLarge(long length, DiagnosticBag bag) =>
        bag.Error(1, 1, string.Create(
            CultureInfo.InvariantCulture,
            $"file is {length / (1024.0 * 1024.0):0.0} MiB, larger than the {MaxBytes / (1024 * 1024)} MiB limit"));

    private static (int Line, int Column) PositionOf(ReadOnlySpan<byte> bytes, int offset)
    {
        var before = bytes[..offset];
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (line, offset - lineStart + 1);
    }
}
