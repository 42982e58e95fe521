using System.CommandLine;
using Diligence.Data;
using Diligence.Data.Sqlite;
using Diligence.Data.SqlServer;
using Microsoft.Data.SqlClient;

namespace Diligence.Cli;

/// <summary>
/// <c>diligence migrate --provider sqlserver|sqlite --connection …</c>: applies the pending schema migrations, or with
/// <c>--script</c> prints them for a DBA to review and run.
/// </summary>
internal static class MigrateCommand
{
    private const string SqliteName = "sqlite";
    private const string SqlServerName = "sqlserver";

    public static Command Create()
    {
        var provider = new Option<string>("--provider")
        {
            Description = "The database: 'sqlserver' or 'sqlite'.",
            Required = true,
        };
        var connection = new Option<string?>("--connection")
        {
            Description = "For sqlserver a connection string (a login allowed DDL); for sqlite the data directory (Storage:DataDirectory). "
                + "With --script, only the migrations that database lacks are printed.",
        };
        var script = new Option<bool>("--script")
        {
            Description = "Print the migration SQL instead of applying it.",
        };
        var command = new Command("migrate", "Bring a database's schema up to date, or print the SQL that would.")
        {
            provider,
            connection,
            script,
        };
        command.SetAction((parseResult, ct) => MigrateAsync(
            parseResult.GetRequiredValue(provider), parseResult.GetValue(connection), parseResult.GetValue(script),
            parseResult.InvocationConfiguration, ct));
        return command;
    }

    private static async Task<int> MigrateAsync(
        string provider, string? connection, bool script, InvocationConfiguration console, CancellationToken ct)
    {
        var name = provider.Trim().ToLowerInvariant();
        if (name is not (SqliteName or SqlServerName))
        {
            console.Error.WriteLine($"diligence: error: --provider must be '{SqlServerName}' or '{SqliteName}', not '{provider}'.");
            return Cli.UsageError;
        }
        if (string.IsNullOrWhiteSpace(connection) && !script)
        {
            console.Error.WriteLine("diligence: error: --connection is required to apply migrations; add --script to print them instead.");
            return Cli.UsageError;
        }

        IStorage storage;
        try
        {
            storage = name == SqliteName
                ? new SqliteStorage(new StorageOptions { DataDirectory = connection ?? "." })
                : new SqlServerStorage(connection ?? "");
        }
        catch (ArgumentException exception)
        {
            console.Error.WriteLine($"diligence: error: --connection is not a valid SQL Server connection string: {exception.Message}");
            return Cli.UsageError;
        }

        using (storage)
        {
            try
            {
                return script
                    ? await PrintScriptAsync(storage, connection, console, ct)
                    : await ApplyAsync(storage, console, ct);
            }
            catch (SqlException exception) when (storage is SqlServerStorage sqlServer)
            {
                console.Error.WriteLine("diligence: error: " + SqlServerConnectionFailure.Describe(
                    exception.Number, exception.Class, sqlServer.Connections.Server, sqlServer.Connections.Database,
                    exception.Message, "--connection"));
                return Cli.Failure;
            }
        }
    }

    private static async Task<int> PrintScriptAsync(IStorage storage, string? connection, InvocationConfiguration console, CancellationToken ct)
    {
        IReadOnlyList<string> applied = [];
        if (!string.IsNullOrWhiteSpace(connection))
        {
            var status = await storage.Health.GetStatusAsync(ct);
            if (!status.Reachable)
            {
                console.Error.WriteLine($"diligence: error: cannot read which migrations the database has: {status.Error?.ReplaceLineEndings(" ")}");
                return Cli.Failure;
            }
            applied = status.Applied;
        }
        console.Output.Write(storage.Migrations.Script([.. applied]));
        return Cli.Success;
    }

    private static async Task<int> ApplyAsync(IStorage storage, InvocationConfiguration console, CancellationToken ct)
    {
        var applied = await storage.Migrations.MigrateAsync(ct);
        foreach (var migration in applied)
        {
            console.Output.WriteLine($"applied {migration}");
        }
        console.Output.WriteLine($"schema current: {storage.Migrations.Available.Count} migrations, {applied.Count} applied now");
        return Cli.Success;
    }
}
