using System.CommandLine;
using Diligence.Data;
using Diligence.Data.Sqlite;

namespace Diligence.Cli;

/// <summary><c>diligence audit verify --data DIR</c>: checks the audit log's hash chain in a SQLite data directory.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data")
        {
            Description = "The app's data directory (Storage:DataDirectory), holding diligence.db.",
            Required = true,
        };
        var verify = new Command("verify", "Check that no audit event was changed or removed; report the first broken link.")
        {
            data,
        };
        verify.SetAction((parseResult, ct) =>
            VerifyAsync(parseResult.GetRequiredValue(data), parseResult.InvocationConfiguration, ct));
        return new Command("audit", "Work with the audit log.") { verify };
    }

    private static async Task<int> VerifyAsync(string directory, InvocationConfiguration console, CancellationToken ct)
    {
        // Checked first: opening a missing database would create an empty one, and an empty chain is intact.
        if (!File.Exists(Path.Combine(directory, SqliteConnectionFactory.DatabaseFileName)))
        {
            console.Error.WriteLine($"diligence: error: no {SqliteConnectionFactory.DatabaseFileName} in '{directory}'.");
            return Cli.Failure;
        }
        using var storage = new SqliteStorage(new StorageOptions { DataDirectory = directory });
        var result = await storage.Audit.VerifyAsync(ct);
        console.Output.WriteLine(result.ToString());
        return result.IsIntact ? Cli.Success : Cli.Failure;
    }
}
