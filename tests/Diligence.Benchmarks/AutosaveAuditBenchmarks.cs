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
/// No network: sockets would only add to both sides and shrink the share. Both sides share almost all their code, so
/// each warms up for long enough (about 20,000 requests) that tiered compilation has finished before it is measured:
/// otherwise whichever runs first pays for compiling the other's code too.
/// </summary>
[MemoryDiagnoser]
[InProcess]
[WarmupCount(20)]
[IterationCount(15)]
public class AutosaveAuditBenchmarks
{
    private Session _audited = null!;
    private Session _unaudited = null!;

    [GlobalSetup]
    public async Task Start()
    {
        // The factory finds the web project's folder from the test project's build; a benchmark run names it itself.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_DILIGENCE_WEB", RepositoryRoot.Combine("src", "Diligence.Web"));
        _unaudited = await Session.StartAsync(services =>
        {
            var answers = services.Last(d => d.ServiceType == typeof(IAnswerStore));
            services.Add(ServiceDescriptor.Singleton<IAnswerStore>(
                sp => new AnswerStoreWithoutAudit((IAnswerStore)answers.ImplementationFactory!(sp))));
        });
        _audited = await Session.StartAsync(services: null);
    }

    [GlobalCleanup]
    public void Stop()
    {
        _audited.Dispose();
        _unaudited.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task AutosaveWithAuditEvent() => _audited.SaveAsync();

    [Benchmark]
    public Task AutosaveWithoutAuditEvent() => _unaudited.SaveAsync();

    /// <summary>A signed-in reviewer on a draft review, saving one text answer over and over.</summary>
    private sealed class Session(TestApp app, HttpClient client, string url, string token) : IDisposable
    {
        private int _version;

        public static async Task<Session> StartAsync(Action<IServiceCollection>? services)
        {
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
