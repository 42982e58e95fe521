using Dapper;

namespace Diligence.Data.Sqlite;

/// <summary>Registers the Dapper type handlers the SQLite stores rely on. Idempotent and thread-safe.</summary>
public static class SqliteTypeHandlers
{
    private static readonly Lazy<bool> _registration = new(RegisterOnce, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void Register() => _ = _registration.Value;

    private static bool RegisterOnce()
    {
        // Without removing the built-in maps Dapper would bind Guid and DateTimeOffset itself and skip the handlers.
        SqlMapper.RemoveTypeMap(typeof(Guid));
        SqlMapper.RemoveTypeMap(typeof(Guid?));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
        SqlMapper.AddTypeHandler(new GuidTypeHandler());
        SqlMapper.AddTypeHandler(new DateTimeOffsetTypeHandler());
        return true;
    }
}
