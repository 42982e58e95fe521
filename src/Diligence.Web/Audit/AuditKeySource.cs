using Diligence.Core.Audit;
using Diligence.Data;
using Microsoft.Extensions.Options;

namespace Diligence.Web.Audit;

/// <summary>
/// The audit key from configuration (<c>Audit:Key</c>, or <c>Audit:KeyFile</c>), or on embedded SQLite from
/// <c>audit.key</c> beside the database, created once. Resolved once; a problem is one message naming the setting.
/// </summary>
public sealed class AuditKeySource
{
    private readonly Lazy<AuditKey> _key;

    public AuditKeySource(IOptions<AuditOptions> audit, IOptions<StorageOptions> storage) =>
        _key = new Lazy<AuditKey>(() => Resolve(audit.Value, storage.Value));

    /// <summary>The key; throws <see cref="AuditKeyException"/> saying what to set.</summary>
    public AuditKey Key => _key.Value;

    /// <summary>Where anchors go: <c>Audit:AnchorFile</c>, or <c>audit-anchors.log</c> beside the database.</summary>
    public static string AnchorFile(AuditOptions audit, StorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(storage);
        return string.IsNullOrWhiteSpace(audit.AnchorFile)
            ? Path.Combine(Path.GetFullPath(storage.DataDirectory), "audit-anchors.log")
            : audit.AnchorFile;
    }

    /// <summary>The key <paramref name="audit"/> names for <paramref name="storage"/>; throws <see cref="AuditKeyException"/> saying what to set.</summary>
    public static AuditKey Resolve(AuditOptions audit, StorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(storage);
        var hasKey = !string.IsNullOrWhiteSpace(audit.Key);
        var hasFile = !string.IsNullOrWhiteSpace(audit.KeyFile);
        if (hasKey && hasFile)
        {
            throw new AuditKeyException($"{AuditOptions.Section}:Key and {AuditOptions.Section}:KeyFile are both set; set one.");
        }
        if (hasKey)
        {
            try
            {
                return AuditKey.FromBase64(audit.Key!);
            }
            catch (Exception exception) when (exception is FormatException or ArgumentException)
            {
                throw new AuditKeyException(
                    $"{AuditOptions.Section}:Key must be base64 of at least {AuditKey.MinimumLength} random bytes.", exception);
            }
        }
        if (hasFile)
        {
            return AuditKeyFile.Load(audit.KeyFile!);
        }
        // An unknown provider is the storage settings' own error; the key file only ever sits beside a SQLite database.
        if (string.Equals(storage.Provider, StorageProviders.SqlServer, StringComparison.OrdinalIgnoreCase))
        {
            throw new AuditKeyException(
                $"{AuditOptions.Section}:Key or {AuditOptions.Section}:KeyFile must be set when {StorageOptions.SectionName}:Provider is '{storage.Provider}': every node signs the audit log with the same key, kept outside the database.");
        }
        var directory = Path.GetFullPath(storage.DataDirectory);
        Directory.CreateDirectory(directory);
        return AuditKeyFile.LoadOrCreate(Path.Combine(directory, AuditKeyFile.DefaultFileName));
    }
}

/// <summary>Resolves the audit key at start-up (<c>ValidateOnStart</c>), so a missing or exposed key stops the app with its message.</summary>
public sealed class AuditKeyValidation(IOptions<StorageOptions> storage) : IValidateOptions<AuditOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditOptions options)
    {
        try
        {
            _ = AuditKeySource.Resolve(options, storage.Value);
            return ValidateOptionsResult.Success;
        }
        catch (AuditKeyException exception)
        {
            return ValidateOptionsResult.Fail(exception.Message);
        }
        catch (OptionsValidationException)
        {
            // Bad storage settings: their own validation reports them, once.
            return ValidateOptionsResult.Skip;
        }
    }
}
