using System.Text;

namespace Diligence.Cli;

/// <summary>Reads a file's text to tell what kind of file it is.</summary>
internal static class TextFile
{
    /// <summary>The loaders' own size limit; a larger file is left to them to refuse.</summary>
    private const long MaxBytes = 16 * 1024 * 1024;

    private static readonly UTF8Encoding _strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The text of a strict UTF-8 file within the size limit; null for any other file, which the loader then reads
    /// itself so it can say what is wrong with it, at its line and column.
    /// </summary>
    public static string? TryRead(string path)
    {
        try
        {
            if (new FileInfo(path).Length > MaxBytes)
            {
                return null;
            }

            var text = _strictUtf8.GetString(File.ReadAllBytes(path));
            return text.StartsWith('\uFEFF') ? text[1..] : text;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            return null;
        }
    }
}
