using System.Net;
using Diligence.Core.Accounts;
using Diligence.Web.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Diligence.Web.Tests.Infrastructure;

/// <summary>
/// The real app over a real SQLite file in a temp folder. Each instance is a fresh database;
/// <see cref="Restart"/> starts a new host on the same folder, as after a process restart.
/// </summary>
public sealed class TestApp : IDisposable
{
    public const string Password = "correct horse battery staple";

    private readonly Dictionary<string, string> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly bool _ownsDataDirectory;
    private WebApplicationFactory<Program> _factory;

    /// <summary>
    /// <paramref name="settings"/> override configuration keys, such as a low sign-in rate limit; <paramref name="services"/>
    /// replaces registrations after the app's own (a clock the test moves, a store that fails).
    /// </summary>
    public TestApp(IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
        : this(Path.Combine(Path.GetTempPath(), "diligence-tests", Guid.NewGuid().ToString("N")), settings, services, ownsDataDirectory: true)
    {
    }

    private TestApp(string dataDirectory, IReadOnlyDictionary<string, string>? settings, Action<IServiceCollection>? services, bool ownsDataDirectory)
    {
        _settings = new Dictionary<string, string>(settings ?? new Dictionary<string, string>());
        _services = services;
        _ownsDataDirectory = ownsDataDirectory;
        DataDirectory = dataDirectory;
        Directory.CreateDirectory(DataDirectory);
        _factory = CreateFactory();
    }

    public string DataDirectory { get; }

    /// <summary>Another node of the same deployment: its own host and process state over this app's database.</summary>
    public TestApp AnotherNode(IReadOnlyDictionary<string, string>? settings = null) =>
        new(DataDirectory, settings, services: null, ownsDataDirectory: false);

    /// <summary>What the app logged, at the levels the settings let through (Warning unless overridden).</summary>
    public CapturedLogs Logs { get; } = new();

    public IServiceProvider Services => _factory.Services;

    public WebApplicationFactory<Program> Factory => _factory;

    public T Get<T>() where T : notnull => _factory.Services.GetRequiredService<T>();

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see each response.</summary>
    public HttpClient Client() =>
        _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client over <paramref name="cookies"/>, so one browser session can be sent to several nodes.</summary>
    public HttpClient Client(CookieContainer cookies) =>
        _factory.CreateDefaultClient(new CookieContainerHandler(cookies));

    public async Task<UserAccount> CreateUserAsync(Role role, Guid? vendorId = null, string? email = null)
    {
        using var scope = _factory.Services.CreateScope();
        var administration = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var (user, errors) = await administration.CreateAsync(
            new NewUser(email ?? $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@example.com",
                $"Test {role}", Password, role, vendorId), CancellationToken.None);
        return user ?? throw new InvalidOperationException(string.Join("; ", errors.Values));
    }

    /// <summary>Signs <paramref name="user"/> in with <paramref name="client"/> (a new one when null) and returns it.</summary>
    public async Task<HttpClient> SignInAsync(UserAccount user, HttpClient? client = null)
    {
        client ??= Client();
        var response = await client.PostFormAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["email"] = user.Email,
            ["password"] = Password,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in failed: {(int)response.StatusCode}");
        }
        return client;
    }

    public async Task<(HttpClient Client, UserAccount User)> SignInAsAsync(Role role, Guid? vendorId = null)
    {
        var user = await CreateUserAsync(role, vendorId);
        return (await SignInAsync(user), user);
    }

    /// <param name="settings">Keys to change from this restart on, as an operator would between runs.</param>
    public void Restart(IReadOnlyDictionary<string, string>? settings = null)
    {
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            _settings[key] = value;
        }
        _factory.Dispose();
        _factory = CreateFactory();
    }

    /// <summary>Stops the host and keeps the database, as a node that went away; <see cref="AnotherNode"/> still works.</summary>
    public void Stop() => _factory.Dispose();

    public void Dispose()
    {
        _factory.Dispose();
        if (!_ownsDataDirectory)
        {
            return;
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a pooled connection on some platforms; the temp folder is disposable.
        }
    }

    private WebApplicationFactory<Program> CreateFactory() =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Testing");
            host.UseSetting("Storage:DataDirectory", DataDirectory);
            host.UseSetting("Accounts:SignInAttemptsPerMinute", "1000");
            host.UseSetting("Logging:LogLevel:Default", "Warning");
            foreach (var (key, value) in _settings)
            {
                host.UseSetting(key, value);
            }
            host.ConfigureLogging(logging => logging.AddProvider(Logs));
            if (_services is not null)
            {
                host.ConfigureTestServices(_services);
            }
        });
}
