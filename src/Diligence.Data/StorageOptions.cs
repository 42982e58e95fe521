using System.ComponentModel.DataAnnotations;

namespace Diligence.Data;

/// <summary>Bound from the "Storage" configuration section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Folder of the embedded database (created if missing).</summary>
    [Required]
    public string DataDirectory { get; set; } = "./data";

    /// <summary>"Sqlite" (embedded default) or "SqlServer".</summary>
    [Required]
    public string Provider { get; set; } = StorageProviders.Sqlite;

    /// <summary>The SQL Server connection string; the app reads it from ConnectionStrings:Diligence, not from this section.</summary>
    public string? ConnectionString { get; set; }
}
