using Diligence.Core.Audit;

namespace Diligence.Data;

/// <summary>
/// The audit key kept in a file: base64 text of at least <see cref="AuditKey.MinimumLength"/> random bytes, readable
/// by its owner only. The embedded default creates it once beside the database; it must not be backed up with it.
/// </summary>
public static class AuditKeyFile
{
    /// <summary>The default key file's name, beside <c>diligence.db</c>.</summary>
    public const string DefaultFileName = "audit.key";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The key in <paramref name="path"/>; throws <see cref="AuditKeyException"/> saying what is wrong with the file.</summary>
    public static AuditKey Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new AuditKeyException($"The audit key file '{path}' does not exist.");
        }
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~OwnerOnly) != 0)
        {
            throw new AuditKeyException(
                $"The audit key file '{path}' can be read or written by others than its owner; make it owner-only (chmod 600 '{path}').");
        }
        try
        {
            return AuditKey.FromBase64(File.ReadAllText(path));
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            throw new AuditKeyException(
                $"The audit key file '{path}' does not hold a base64 key of at least {AuditKey.MinimumLength} bytes.", exception);
        }
    }

    /// <summary>The key in <paramref name="path"/>, first creating the file with a new random key, owner-only, if there is none.</summary>
    public static AuditKey LoadOrCreate(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var key = AuditKey.Generate();
        try
        {
            // CreateNew: two processes starting together never overwrite each other's key.
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerOnly;
            }
            using (var writer = new StreamWriter(path, options))
            {
                writer.Write(key.ToBase64());
            }
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            return Load(path);
        }
    }
}
