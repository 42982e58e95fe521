using System.Text.Json;
using Diligence.Core.Accounts;
using Diligence.Data;
using Diligence.Tests.Shared;
using Diligence.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Diligence.Benchmarks;

/// <summary>
/// The whole app in memory on a real SQLite file, with a signed-in reviewer on a draft review saving one text answer
/// over and over as the autosave does (antiforgery, cookie, authorization, validation, save, re-evaluation, JSON).
/// </summary>
internal sealed class AutosaveSession(TestApp app, HttpClient client, string url, string token, AnswerStoreWithSwitchableAudit answers)
    : IDisposable
{
    private int _version;

    /// <summary>The app's answer store, whose audit event the caller can switch off.</summary>
    public AnswerStoreWithSwitchableAudit Answers { get; } = answers;

    public static async Task<AutosaveSession> StartAsync()
    {
        // The factory finds the web project's folder from the test project's build; a benchmark run names it itself.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_DILIGENCE_WEB", RepositoryRoot.Combine("src", "Diligence.Web"));
        var app = new TestApp(services: services =>
        {
            var shipped = services.Last(d => d.ServiceType == typeof(IAnswerStore));
            services.Add(ServiceDescriptor.Singleton<IAnswerStore>(
                sp => new AnswerStoreWithSwitchableAudit((IAnswerStore)shipped.ImplementationFactory!(sp))));
        });
        var (client, user) = await app.SignInAsAsync(Role.Reviewer);
        var review = await app.CreateReviewAsync(user.Id);
        var token = HttpClientFormExtensions.AntiforgeryTokenOf(await client.GetStringAsync($"/reviews/{review.Id}/steps/profile"));
        var answers = (AnswerStoreWithSwitchableAudit)app.Get<IAnswerStore>();
        return new AutosaveSession(app, client, $"/reviews/{review.Id}/answers/summary", token, answers);
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
