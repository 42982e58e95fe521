using System.Diagnostics;

namespace Diligence.Web.Tests.Hosting;

/// <summary>The real app in its own process with a bad storage setting: one line naming what to fix, exit code 1.</summary>
public sealed class StartupFailureTests
{
    // Any 32 bytes, base64: the SQL Server settings below need an audit key to get as far as the setting under test.
    private const string AuditKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private readonly string _data = Path.Combine(Path.GetTempPath(), "diligence-startup", Guid.NewGuid().ToString("N"));

    [TearDown]
    public void RemoveData()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    [Test]
    public async Task An_unknown_provider_stops_start_up_naming_the_key()
    {
        var run = await StartAsync(new() { ["Storage__Provider"] = "Oracle" });

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines, Is.EqualTo(new[] { "diligence: Storage:Provider must be 'Sqlite' or 'SqlServer'." }));
        Assert.That(run.Output + run.Error, Does.Not.Contain("   at "));
    }

    [Test]
    public async Task A_public_address_that_is_not_a_url_stops_start_up_naming_the_key()
    {
        var run = await StartAsync(new() { ["App__PublicUrl"] = "diligence.example.com" });

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines, Is.EqualTo(new[]
        {
            "diligence: DataAnnotation validation failed for 'AppOptions' members: 'PublicUrl' with the error: "
            + "'App:PublicUrl must be an absolute http or https address, like https://diligence.example.com.'.",
        }));
    }

    [Test]
    public async Task Sql_server_without_a_connection_string_stops_start_up_naming_the_key()
    {
        var run = await StartAsync(new() { ["Storage__Provider"] = "SqlServer", ["Audit__Key"] = AuditKey });

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines,
            Is.EqualTo(new[] { "diligence: ConnectionStrings:Diligence must be set when Storage:Provider is 'SqlServer'." }));
        Assert.That(run.Output + run.Error, Does.Not.Contain("   at "));
    }

    [Test]
    public async Task Sql_server_without_an_audit_key_stops_start_up_naming_the_key()
    {
        var run = await StartAsync(new()
        {
            ["Storage__Provider"] = "SqlServer",
            ["ConnectionStrings__Diligence"] = "Server=127.0.0.1,1;Database=Diligence;Encrypt=False",
        });

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines, Is.EqualTo(new[]
        {
            "diligence: Audit:Key or Audit:KeyFile must be set when Storage:Provider is 'SqlServer': every node signs the audit log with the same key, kept outside the database.",
        }));
    }

    [Test]
    public async Task An_audit_key_that_is_not_a_32_byte_base64_key_stops_start_up_without_showing_it()
    {
        var run = await StartAsync(new() { ["Audit__Key"] = "c2hvcnQtc2VjcmV0" });

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines, Is.EqualTo(new[] { "diligence: Audit:Key must be base64 of at least 32 random bytes." }));
    }

    [Test]
    [Platform(Exclude = "Win")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task An_audit_key_file_others_can_read_stops_start_up_naming_it()
    {
        Directory.CreateDirectory(_data);
        var file = Path.Combine(_data, "audit.key");
        await File.WriteAllTextAsync(file, AuditKey);
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var run = await StartAsync([]);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines, Is.EqualTo(new[]
        {
            $"diligence: The audit key file '{file}' can be read or written by others than its owner; make it owner-only (chmod 600 '{file}').",
        }));
    }

    [Test]
    public async Task An_audit_log_written_with_another_key_stops_start_up()
    {
        await RunUntilReadyAsync([]);

        var run = await StartAsync(new() { ["Audit__Key"] = AuditKey });

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines, Has.Count.EqualTo(1));
        Assert.That(run.ErrorLines[0], Does.StartWith("diligence: The audit log does not check out with the audit key, so nothing will be written to it: audit chain broken at event #")
            .And.EndWith(": the audit head is not signed with this audit key (is it the key this log was written with?). Check Audit:Key or Audit:KeyFile, and run 'diligence audit verify'."));
        Assert.That(run.Output + run.Error, Does.Not.Contain(AuditKey));
    }

    [Test]
    public async Task An_unreadable_connection_string_stops_start_up_naming_the_key()
    {
        var run = await StartAsync(new()
        {
            ["Storage__Provider"] = "SqlServer",
            ["ConnectionStrings__Diligence"] = "Server=127.0.0.1,1;Colour=blue",
            ["Audit__Key"] = AuditKey,
        });

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines, Is.EqualTo(new[] { "diligence: ConnectionStrings:Diligence is not a valid SQL Server connection string." }));
        Assert.That(run.Output + run.Error, Does.Not.Contain("   at "));
    }

    [Test]
    public async Task An_unreachable_server_stops_start_up_with_one_message()
    {
        var run = await StartAsync(new()
        {
            ["Storage__Provider"] = "SqlServer",
            ["ConnectionStrings__Diligence"] = "Server=127.0.0.1,1;Database=Diligence;User ID=diligence;Password=secret-password;Connect Timeout=2;Encrypt=False",
            ["Audit__Key"] = AuditKey,
        });

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines, Is.EqualTo(new[]
        {
            "diligence: Cannot reach SQL Server '127.0.0.1,1': check the server and port in ConnectionStrings:Diligence, the firewall, "
            + "and that SQL Server is running.",
        }));
        Assert.That(run.Output + run.Error, Does.Not.Contain("   at ").And.Not.Contain("secret-password"));
    }

    [Test]
    public async Task Any_other_bad_setting_is_reported_before_the_host_starts_without_a_stack_trace()
    {
        var run = await StartAsync(new() { ["Accounts__MinimumPasswordLength"] = "3" });

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines, Is.EqualTo(new[]
        {
            "diligence: DataAnnotation validation failed for 'AccountOptions' members: 'MinimumPasswordLength' with the error: "
            + "'The field MinimumPasswordLength must be between 8 and 256.'.",
        }));
        Assert.That(run.Output + run.Error, Does.Not.Contain("   at "));
    }

    [Test]
    public async Task A_published_questionnaire_changed_under_the_same_version_stops_start_up_naming_the_file()
    {
        var folder = Path.Combine(_data, "questionnaires");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "workspace-test.yaml");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "workspace-test.yaml"), file);
        await RunUntilReadyAsync(new() { ["Questionnaires__Directory"] = folder });
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("title: Workspace test", "title: Workspace test, edited", StringComparison.Ordinal));

        var run = await StartAsync(new() { ["Questionnaires__Directory"] = folder });

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines, Has.Count.EqualTo(1));
        Assert.That(run.ErrorLines[0], Does.StartWith($"diligence: {file}: Questionnaire workspace-test 1.0.0 is already published with content hash ")
            .And.EndWith("under a new version. Raise 'version' in the file."));
        Assert.That(run.Output + run.Error, Does.Not.Contain("   at "));
    }

    // Starts the app until it has published its questionnaires and prints the set-up link, then stops it.
    private async Task RunUntilReadyAsync(Dictionary<string, string> settings)
    {
        var start = StartInfo(settings);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Contains("/setup?token=", StringComparison.Ordinal))
            {
                break;
            }
        }
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(timeout.Token);
    }

    private async Task<StartupRun> StartAsync(Dictionary<string, string> settings)
    {
        using var process = Process.Start(StartInfo(settings)) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the app kept running with a bad setting");
        }
        return new StartupRun(process.ExitCode, await output, await error);
    }

    private ProcessStartInfo StartInfo(Dictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet", Path.Combine(AppContext.BaseDirectory, "Diligence.Web.dll"))
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Storage__DataDirectory"] = _data;
        start.Environment["Questionnaires__SeedSampleVendors"] = "false";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        return start;
    }

    private sealed record StartupRun(int ExitCode, string Output, string Error)
    {
        public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
