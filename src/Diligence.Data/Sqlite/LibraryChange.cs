namespace Diligence.Data.Sqlite;

/// <summary>One key an import (into a library or a review) changes, passed to SQLite as JSON.</summary>
internal sealed record LibraryChange(string Key, string? OldValueJson, string? NewValueJson, int Version);
