using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Diligence.Core.Accounts;
using Diligence.Data;
using Diligence.Tests.Shared;
using Diligence.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Diligence.Benchmarks;

/// <summary>
/// What the audit trail adds to an answer save as a reviewer makes it: the autosave request (antiforgery, sign-in
/// cookie, authorization, validation, the save, its audit event, the re-evaluation and the JSON answer), through the
/// whole app in memory on a real SQLite file. The baseline is the app as shipped; the other is the same app with the
/// event left out of the save (<see cref="AnswerStoreWithoutAudit"/>). Goal: the event under 10 % of the request.
/// No network: sockets would only add to both sides and shrink the share. Each side runs in a process of its own with
/// only its host, in the app's runtime environment, and warms up for about 20,000 requests: in one process whichever
/// side ran first paid for compiling the other's code too, and either could come out ahead.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(AppRuntimeConfig))]
public class AutosaveAuditBenchmarks
{
    private Session _session = null!;

    [GlobalSetup(Target = nameof(AutosaveWithAuditEvent))]
    public async Task StartAsShipped() => _session = await Session.StartAsync(services: null);

    [GlobalSetup(Target = nameof(AutosaveWithoutAuditEvent))]
    public async Task StartWithoutAuditEvent() => _session = await Session.StartAsync(services =>
    {
        var answers = services.Last(d => d.ServiceType == typeof(IAnswerStore));
        services.Add(ServiceDescriptor.Singleton<IAnswerStore>(
            sp => new AnswerStoreWithoutAudit((IAnswerStore)answers.ImplementationFactory!(sp))));
    });

    [GlobalCleanup]
    public void Stop() => _session.Dispose();

    [Benchmark(Baseline = true)]
    public Task AutosaveWithAuditEvent() => _session.SaveAsync();

    [Benchmark]
    public Task AutosaveWithoutAuditEvent() => _session.SaveAsync();

    /// <summary>A signed-in reviewer on a draft review, saving one text answer over and over.</summary>
    private sealed class Session(TestApp app, HttpClient client, string url, string token) : IDisposable
    {
        private int _version;

        public static async Task<Session> StartAsync(Action<IServiceCollection>? services)
        {
            // The factory finds the web project's folder from the test project's build; a benchmark run names it itself.
            Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_DILIGENCE_WEB", RepositoryRoot.Combine("src", "Diligence.Web"));
            var app = new TestApp(services: services);
            var (client, user) = await app.SignInAsAsync(Role.Reviewer);
            var review = await app.CreateReviewAsync(user.Id);
            var token = HttpClientFormExtensions.AntiforgeryTokenOf(await client.GetStringAsync($"/reviews/{review.Id}/steps/profile"));
            return new Session(app, client, $"/reviews/{review.Id}/answers/summary", token);
        }

        public async Task SaveAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new FormUrlEncodedContent([new("v.summary", $"{_version}"), new("a.summary", $"Summary, revision {_version + 1}")]),
            };
            request.Headers.Add("X-CSRF-TOKEN", token);
            request.Headers.Add("Accept", "application/json");
            using var response = await client.SendAsync(request);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
            _version = response.IsSuccessStatusCode
                ? body.RootElement.GetProperty("version").GetInt32()
                : throw new InvalidOperationException($"autosave answered {(int)response.StatusCode}");
        }

        public void Dispose()
        {
            client.Dispose();
            app.Dispose();
        }
    }
}
