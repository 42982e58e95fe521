using System.Net;
using Diligence.Core.Accounts;
using Diligence.Web.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
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

    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly Action<IServiceCollection>? _services;
    private WebApplicationFactory<Program> _factory;

    /// <summary>
    /// <paramref name="settings"/> override configuration keys, such as a low sign-in rate limit; <paramref name="services"/>
    /// replaces registrations after the app's own (a clock the test moves, a store that fails).
    /// </summary>
    public TestApp(IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        _settings = settings ?? new Dictionary<string, string>();
        _services = services;
        DataDirectory = Path.Combine(Path.GetTempPath(), "diligence-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        _factory = CreateFactory();
    }

    public string DataDirectory { get; }

    /// <summary>What the app logged, at the levels the settings let through (Warning unless overridden).</summary>
    public CapturedLogs Logs { get; } = new();

    public IServiceProvider Services => _factory.Services;

    public WebApplicationFactory<Program> Factory => _factory;

    public T Get<T>() where T : notnull => _factory.Services.GetRequiredService<T>();

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see each response.</summary>
    public HttpClient Client() =>
        _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<UserAccount> CreateUserAsync(Role role, Guid? vendorId = null, string? email = null)
    {
        using var scope = _factory.Services.CreateScope();
        var administration = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var (user, errors) = await administration.CreateAsync(
            new NewUser(email ?? $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@example.com",
                $"Test {role}", Password, role, vendorId), CancellationToken.None);
        return user ?? throw new InvalidOperationException(string.Join("; ", errors.Values));
    }

    public async Task<HttpClient> SignInAsync(UserAccount user)
    {
        var client = Client();
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

    public void Restart()
    {
        _factory.Dispose();
        _factory = CreateFactory();
    }

    public void Dispose()
    {
        _factory.Dispose();
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
