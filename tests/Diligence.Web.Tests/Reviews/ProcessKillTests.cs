using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Diligence.Core.Accounts;
using Diligence.Core.Definitions;
using Diligence.Core.Reviews;
using Diligence.Core.Vendors;
using Diligence.Data;
using Diligence.Data.Sqlite;
using Diligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Diligence.Web.Tests.Reviews;

/// <summary>The real app in its own process, killed with SIGKILL between saves: nothing acknowledged is lost.</summary>
public sealed class ProcessKillTests
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "diligence-kill", Guid.NewGuid().ToString("N"));
    private readonly List<Process> _processes = [];

    [TearDown]
    public void Stop()
    {
        foreach (var process in _processes.Where(p => !p.HasExited))
        {
            process.Kill(entireProcessTree: true);
        }
        SqliteConnectionCleanup();
    }

    [Test]
    public async Task Acknowledged_answers_survive_killing_the_process()
    {
        var (reviewId, email) = await PrepareAsync();
        var port = FreePort();

        var first = await StartAsync(port);
        var client = await SignInAsync(port, email);
        var token = await TokenAsync(client, $"/reviews/{reviewId}/steps/profile");
        var acknowledged = 0;
        var version = 0;
        for (var n = 1; n <= 25; n++)
        {
            var reply = await SaveAsync(client, token, reviewId, version, $"Answer {n}");
            version = reply.GetProperty("version").GetInt32();
            acknowledged++;
        }
        first.Kill(entireProcessTree: true);
        await first.WaitForExitAsync();

        await StartAsync(port);
        using var storage = new SqliteStorage(new StorageOptions { DataDirectory = _data });
        var answer = await storage.Answers.GetAsync(reviewId, "profile.summary");
        var history = await storage.Answers.HistoryAsync(reviewId, "profile.summary");

        Assert.That(answer?.ValueJson, Does.Contain("Answer 25"));
        Assert.That(answer?.Version, Is.EqualTo(version));
        Assert.That(history, Has.Count.EqualTo(acknowledged));
    }

    private async Task<(Guid ReviewId, string Email)> PrepareAsync()
    {
        using var storage = new SqliteStorage(new StorageOptions { DataDirectory = _data });
        await storage.Migrations.MigrateAsync();
        var yaml = await File.ReadAllTextAsync(TestData.FixturePath("workspace-test.yaml"));
        var questionnaire = QuestionnaireLoader.Load(yaml, "workspace-test.yaml").Value!;
        await storage.Questionnaires.PublishAsync(new StoredQuestionnaire(questionnaire.Id, questionnaire.Version,
            questionnaire.ContentHash, questionnaire.Title, yaml, DateTimeOffset.UtcNow));
        var user = new UserAccount(Guid.NewGuid(), "killer@example.com", "Kill Test", "", Role.Reviewer, null, false,
            DateTimeOffset.UtcNow);
        user = user with { PasswordHash = new PasswordHasher<UserAccount>().HashPassword(user, TestApp.Password) };
        await storage.Users.CreateAsync(user);
        var vendor = new Vendor(Guid.NewGuid(), "Kill Vendor", null, null, null, DateTimeOffset.UtcNow);
        await storage.Vendors.CreateAsync(vendor);
        var now = DateTimeOffset.UtcNow;
        var review = new Review(Guid.NewGuid(), vendor.Id, questionnaire.Id, questionnaire.Version, questionnaire.ContentHash,
            ReviewStatus.InReview, user.Id, null, null, null, now, now, 1);
        await storage.Reviews.CreateAsync(review);
        return (review.Id, user.Email);
    }

    private async Task<Process> StartAsync(int port)
    {
        var start = new ProcessStartInfo("dotnet", Path.Combine(AppContext.BaseDirectory, "Diligence.Web.dll"))
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Storage__DataDirectory"] = _data;
        start.Environment["Questionnaires__Directory"] = Path.Combine(AppContext.BaseDirectory, "Fixtures");
        start.Environment["Questionnaires__SeedSampleVendors"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        _processes.Add(process);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 120; attempt++)
        {
            try
            {
                if ((await probe.GetAsync($"http://127.0.0.1:{port}/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return process;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or still starting up on a busy machine (the probe's own timeout).
            }
            await Task.Delay(250);
        }
        throw new InvalidOperationException("the app did not become healthy");
    }

    private static async Task<HttpClient> SignInAsync(int port, string email)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        };
        var response = await client.PostFormAsync("/account/sign-in", [new("email", email), new("password", TestApp.Password)]);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "sign-in");
        return client;
    }

    private static async Task<string> TokenAsync(HttpClient client, string page) =>
        HttpClientFormExtensions.AntiforgeryTokenOf(await client.GetStringAsync(page));

    private static async Task<JsonElement> SaveAsync(HttpClient client, string token, Guid reviewId, int version, string text)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/reviews/{reviewId}/answers/summary")
        {
            Content = new FormUrlEncodedContent([new("v.summary", version.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("a.summary", text)]),
        };
        request.Headers.Add("X-CSRF-TOKEN", token);
        request.Headers.Add("Accept", "application/json");
        var response = await client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void SqliteConnectionCleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean: the temp folder is disposable.
        }
    }
}
