using System.CommandLine;
using Diligence.Core.Audit;
using Diligence.Data;
using Diligence.Data.Sqlite;

namespace Diligence.Cli;

/// <summary>
/// <c>diligence audit verify --data DIR [--anchors FILE] [--key-file FILE]</c>: checks the audit log's keyed chain in a
/// SQLite data directory, and that it still holds every anchor exported from it.
/// </summary>
internal static class AuditCommand
{
    /// <summary>The audit key as base64, for when it is not in a file.</summary>
    public const string KeyVariable = "DILIGENCE_AUDIT_KEY";

    public static Command Create()
    {
        var data = new Option<string>("--data")
        {
            Description = "The app's data directory (Storage:DataDirectory), holding diligence.db.",
            Required = true,
        };
        var anchors = new Option<string?>("--anchors")
        {
            Description = "An anchor file the app wrote (Audit:AnchorFile): report every anchor the database no longer matches.",
        };
        var keyFile = new Option<string?>("--key-file")
        {
            Description = $"The audit key file (default: {KeyVariable} as base64, else {AuditKeyFile.DefaultFileName} in the data directory).",
        };
        var verify = new Command("verify", "Check that no audit event was changed or removed; report the first broken link and every anchor that no longer matches.")
        {
            data, anchors, keyFile,
        };
        verify.SetAction((parseResult, ct) => VerifyAsync(
            parseResult.GetRequiredValue(data), parseResult.GetValue(anchors), parseResult.GetValue(keyFile),
            parseResult.InvocationConfiguration, ct));
        return new Command("audit", "Work with the audit log.") { verify };
    }

    private static async Task<int> VerifyAsync(
        string directory, string? anchorFile, string? keyFile, InvocationConfiguration console, CancellationToken ct)
    {
        // Checked first: opening a missing database would create an empty one, and an empty chain is intact.
        if (!File.Exists(Path.Combine(directory, SqliteConnectionFactory.DatabaseFileName)))
        {
            console.Error.WriteLine($"diligence: error: no {SqliteConnectionFactory.DatabaseFileName} in '{directory}'.");
            return Cli.Failure;
        }
        if (anchorFile is not null && !File.Exists(anchorFile))
        {
            console.Error.WriteLine($"diligence: error: no anchor file '{anchorFile}'.");
            return Cli.Failure;
        }
        AuditKey key;
        try
        {
            key = Key(directory, keyFile);
        }
        catch (AuditKeyException exception)
        {
            console.Error.WriteLine($"diligence: error: {exception.Message}");
            return Cli.Failure;
        }
        using var storage = new SqliteStorage(new StorageOptions { DataDirectory = directory }, key);
        var result = await storage.Audit.VerifyAsync(ct);
        console.Output.WriteLine(result.ToString());
        var anchorsMatch = anchorFile is null || await CheckAnchorsAsync(storage.Audit, key, anchorFile, console, ct);
        return result.IsIntact && anchorsMatch ? Cli.Success : Cli.Failure;
    }

    // Verification never creates a key: a log checked with a new one would only fail.
    private static AuditKey Key(string directory, string? keyFile)
    {
        if (keyFile is not null)
        {
            return AuditKeyFile.Load(keyFile);
        }
        if (Environment.GetEnvironmentVariable(KeyVariable) is { Length: > 0 } text)
        {
            try
            {
                return AuditKey.FromBase64(text);
            }
            catch (Exception exception) when (exception is FormatException or ArgumentException)
            {
                throw new AuditKeyException($"{KeyVariable} is not base64 of at least {AuditKey.MinimumLength} bytes.", exception);
            }
        }
        var besideDatabase = Path.Combine(directory, AuditKeyFile.DefaultFileName);
        return File.Exists(besideDatabase)
            ? AuditKeyFile.Load(besideDatabase)
            : throw new AuditKeyException(
                $"no audit key: pass --key-file, set {KeyVariable}, or keep {AuditKeyFile.DefaultFileName} in '{directory}'.");
    }

    /// <summary>Reports each anchor line the log no longer matches, with its line number; true when every line matches.</summary>
    private static async Task<bool> CheckAnchorsAsync(
        IAuditStore audit, AuditKey key, string anchorFile, InvocationConfiguration console, CancellationToken ct)
    {
        var lines = await File.ReadAllLinesAsync(anchorFile, ct);
        var anchors = new List<(int Line, AuditAnchor Anchor)>();
        var (problems, total) = (0, 0);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }
            total++;
            var anchor = AuditAnchor.Parse(lines[i]);
            var problem = anchor is null ? "not an anchor (sequence hash time signature)"
                : !anchor.IsSignedWith(key) ? $"anchor #{anchor.Sequence} is not signed with this audit key"
                : null;
            if (problem is null)
            {
                anchors.Add((i + 1, anchor!));
            }
            else
            {
                console.Output.WriteLine($"{anchorFile}:{i + 1}: {problem}");
                problems++;
            }
        }
        var mismatches = await audit.CheckAnchorsAsync([.. anchors.Select(a => a.Anchor)], ct);
        for (var i = 0; i < anchors.Count; i++)
        {
            if (mismatches[i] is { } mismatch)
            {
                console.Output.WriteLine($"{anchorFile}:{anchors[i].Line}: the database no longer matches this anchor: {mismatch}");
                problems++;
            }
        }
        console.Output.WriteLine(problems == 0
            ? $"anchors ok: {total} matched"
            : $"anchors: {problems} of {total} do not match");
        return problems == 0;
    }
}
