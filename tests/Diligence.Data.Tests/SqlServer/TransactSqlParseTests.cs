using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Diligence.Data.Tests.SqlServer;

/// <summary>SQL Server cannot run here, so every statement the provider can send is at least parsed as SQL Server 2022 T-SQL.</summary>
public sealed class TransactSqlParseTests
{
    [Test]
    public void Every_statement_the_sql_server_provider_sends_parses_as_t_sql()
    {
        var statements = TransactSqlStatements.All().ToList();

        var errors = statements
            .SelectMany(s => ParseErrors(s.Sql).Select(e => $"{s.Source} line {e.Line}, column {e.Column}: {e.Message}"))
            .ToList();

        Assert.That(errors, Is.Empty);
    }

    [Test]
    public void The_statements_come_from_every_sql_server_store_and_every_migration()
    {
        var sources = TransactSqlStatements.All().Select(s => s.Source).ToList();
        var stores = TransactSqlStatements.SqlServerTypes().Where(t => t.Name.EndsWith("Store", StringComparison.Ordinal)).ToList();

        Assert.That(stores, Has.Count.EqualTo(15));
        Assert.That(stores.Where(store => !sources.Any(s => s.StartsWith(store.Name + ".", StringComparison.Ordinal))), Is.Empty);
        Assert.That(TransactSqlStatements.Migrations().Select(m => m.Source),
            Is.EqualTo(new[] { "0001_initial.sql", "0002_audit.sql", "0003_vendor_library.sql", "0004_exports.sql", "0005_provenance_as_of.sql", "0006_audit_lean_indexes.sql", "0007_reviews_by_previous.sql", "0008_decision_and_finding_authors.sql", "0009_sessions.sql", "0010_sign_in_failures.sql", "0011_audit_key.sql" }));
    }

    [Test]
    public void Every_call_site_sends_a_named_statement_the_parser_test_sees() =>
        Assert.That(TransactSqlStatements.UnnamedCallSites(), Is.Empty);

    [Test]
    public void The_parser_rejects_sqlite_only_syntax()
    {
        // Proves the test above can fail: these are the SQLite idioms the T-SQL scripts must not carry over.
        Assert.That(ParseErrors("INSERT INTO answers (review_id) VALUES (@id) ON CONFLICT (review_id) DO NOTHING"), Is.Not.Empty);
        Assert.That(ParseErrors("SELECT id FROM audit_events ORDER BY sequence DESC LIMIT 1"), Is.Not.Empty);
        Assert.That(ParseErrors("SELECT [key] FROM answers WHERE review_id = @id"), Is.Empty);
    }

    private static IList<ParseError> ParseErrors(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        return errors;
    }
}
