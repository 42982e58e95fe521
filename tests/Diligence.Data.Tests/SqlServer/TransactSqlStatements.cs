using System.Reflection;
using System.Text.RegularExpressions;
using Diligence.Data.SqlServer;

namespace Diligence.Data.Tests.SqlServer;

/// <summary>
/// Every piece of T-SQL the SQL Server provider can send, gathered without a server: the migration scripts, the
/// <c>--script</c> output, and the <c>*Sql</c> constants of the SQL Server stores and the migration runner.
/// </summary>
internal static partial class TransactSqlStatements
{
    private static readonly Assembly DataAssembly = typeof(MigrationRunner).Assembly;

    /// <summary>(where it comes from, the SQL).</summary>
    public static IEnumerable<(string Source, string Sql)> All() =>
        Migrations().Concat(Script()).Concat(Constants());

    public static IEnumerable<(string Source, string Sql)> Migrations()
    {
        const string Prefix = "Diligence.Data.Migrations.SqlServer.";
        foreach (var resource in DataAssembly.GetManifestResourceNames().Where(r => r.StartsWith(Prefix, StringComparison.Ordinal)).Order())
        {
            using var reader = new StreamReader(DataAssembly.GetManifestResourceStream(resource)!);
            yield return (resource[Prefix.Length..], reader.ReadToEnd());
        }
    }

    public static IEnumerable<(string Source, string Sql)> Constants() =>
        SqlServerTypes()
            .Append(typeof(MigrationRunner))
            .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .Where(field => field.IsLiteral && field.FieldType == typeof(string) && field.Name.EndsWith("Sql", StringComparison.Ordinal)
                    && !field.Name.StartsWith("Sqlite", StringComparison.Ordinal))
                .Select(field => ($"{type.Name}.{field.Name}", (string)field.GetRawConstantValue()!)));

    /// <summary>The SQL Server provider's classes, which hold every statement its stores send.</summary>
    public static IEnumerable<Type> SqlServerTypes() =>
        DataAssembly.GetTypes().Where(t => t.Namespace == typeof(SqlServerStorage).Namespace && !t.IsNested);

    /// <summary>
    /// Call sites in the SQL Server sources (and the migration runner) whose SQL is not a named <c>*Sql</c> member:
    /// each would be a statement the parser test never sees.
    /// </summary>
    public static IEnumerable<string> UnnamedCallSites()
    {
        var files = Directory.GetFiles(Diligence.Tests.Shared.RepositoryRoot.Combine("src", "Diligence.Data", "SqlServer"), "*.cs")
            .Append(Diligence.Tests.Shared.RepositoryRoot.Combine("src", "Diligence.Data", "MigrationRunner.cs"));
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (Match call in SqlCallSite().Matches(text))
            {
                var argument = call.Groups["argument"].Value;
                // "new" is a command definition, matched on its own; "batch" is a migration batch, parsed with its script.
                if (!NamedSql().IsMatch(argument) && argument is not ("new" or "batch"))
                {
                    yield return $"{Path.GetFileName(file)}: {call.Value.ReplaceLineEndings(" ")}{argument}";
                }
            }
            if (text.Contains("CommandText", StringComparison.Ordinal))
            {
                yield return $"{Path.GetFileName(file)}: sets CommandText directly";
            }
        }
    }

    private static IEnumerable<(string Source, string Sql)> Script()
    {
        using var factory = new SqlServerConnectionFactory("");
        yield return ("migrate --script", new MigrationRunner(factory).Script([]));
    }

    // The first argument of every Dapper call or command definition.
    [GeneratedRegex(@"(?:new CommandDefinition|\.(?:Query|QueryAsync|QuerySingle\w*|Execute|ExecuteAsync|ExecuteScalar\w*|ExecuteReader\w*)(?:<[^>()]+>)?)\(\s*(?=(?<argument>[^,)\s]+))")]
    private static partial Regex SqlCallSite();

    [GeneratedRegex(@"^_?[A-Za-z]+Sql$")]
    private static partial Regex NamedSql();
}
