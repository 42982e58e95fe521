using System.Runtime.CompilerServices;

namespace Diligence.Web.Tests.Infrastructure;

/// <summary>
/// Test hosts watch no files through inotify: each host's watchers (appsettings, and the web root behind
/// asp-append-version) hold inotify instances until the host is disposed, and the suite reached the machine's limit
/// (128 per user) in CI. Settings are read once; the web root is polled. WebApplication and PhysicalFileProvider read
/// these switches from the environment before any test setting could reach them, so they are set as the assembly loads.
/// </summary>
internal static class NoFileWatchers
{
    [ModuleInitializer]
    internal static void Apply()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }
}
