namespace Diligence.Data.Tests;

/// <summary>Scripts are split into batches on lines holding only GO, as sqlcmd does, since SqlClient sends one batch at a time.</summary>
public sealed class MigrationBatchTests
{
    [Test]
    public void Lines_holding_only_go_separate_batches_in_any_case()
    {
        var migration = new Migration(2, "0002_audit", "CREATE TABLE a (x int);\nGO\nCREATE TRIGGER t ON a AFTER UPDATE AS BEGIN SELECT 1; END;\r\n  go  \r\nSELECT 2;\nGO");

        Assert.That(migration.Batches.Select(b => b.Trim()), Is.EqualTo(new[]
        {
            "CREATE TABLE a (x int);",
            "CREATE TRIGGER t ON a AFTER UPDATE AS BEGIN SELECT 1; END;",
            "SELECT 2;",
        }));
    }

    [Test]
    public void Go_inside_a_line_does_not_split()
    {
        const string Sql = "SELECT 1 AS GO_AWAY; -- GO here is a comment\nGOTO done;\ndone: SELECT 2;";

        Assert.That(new Migration(1, "0001_initial", Sql).Batches, Is.EqualTo(new[] { Sql }));
    }
}
