using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Diligence.Browser.Tests.Infrastructure;

/// <summary>
/// The app as users run it: its own process from the app's build output, on Kestrel on a free loopback port, over a
/// fresh SQLite folder with the sample vendors, exactly as <c>./run.sh</c> starts it.
/// </summary>
public sealed partial class AppServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<string> _setupLink = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppServer(string dataDirectory, int port)
    {
        DataDirectory = dataDirectory;
        BaseUrl = $"http://127.0.0.1:{port}";
        var configuration = typeof(AppServer).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var appFolder = RepositoryRoot.Combine("src", "Diligence.Web");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(appFolder, "bin", configuration, "net10.0", "Diligence.Web.dll")])
        {
            WorkingDirectory = appFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = BaseUrl;
        start.Environment["Storage__DataDirectory"] = dataDirectory;
        start.Environment["Questionnaires__Directory"] = RepositoryRoot.Combine("questionnaires");
        // Every test signs in an administrator and users of its own, all from 127.0.0.1: more than the 10 sign-ins a
        // minute one address is allowed.
        start.Environment["Accounts__SignInAttemptsPerMinute"] = "1000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, line) => Read(line.Data);
        _process.ErrorDataReceived += (_, line) => Read(line.Data);
        _process.Exited += (_, _) =>
        {
            var failure = new InvalidOperationException($"The app exited with code {_process.ExitCode}:\n{Output}");
            _listening.TrySetException(failure);
            _setupLink.TrySetException(failure);
        };
    }

    public string BaseUrl { get; }

    public string DataDirectory { get; }

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    /// <summary>The one-time administrator set-up link the app printed on its console.</summary>
    public Task<string> SetupLink => _setupLink.Task;

    public string Url(string path) => BaseUrl + path;

    public static async Task<AppServer> StartAsync()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "diligence-browser-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var server = new AppServer(dataDirectory, FreePort());
        server._process.Start();
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        await server._listening.Task.WaitAsync(TimeSpan.FromMinutes(1));
        return server;
    }

    private void Read(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
        if (line.Contains("Application started", StringComparison.Ordinal))
            _listening.TrySetResult();
        if (SetupLinkPattern().Match(line) is { Success: true } match)
            _setupLink.TrySetResult(match.Value);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the exiting process is left for the temp folder's own clean-up.
        }
    }

    [GeneratedRegex(@"http://\S+/setup\?token=\S+")]
    private static partial Regex SetupLinkPattern();
}
