namespace Diligence.Data;

/// <summary>The provider names <see cref="StorageOptions.Provider"/> accepts.</summary>
public static class StorageProviders
{
    public const string Sqlite = "Sqlite";
    public const string SqlServer = "SqlServer";
}
