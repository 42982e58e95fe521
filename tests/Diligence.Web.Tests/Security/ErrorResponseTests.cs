using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Diligence.Core.Accounts;
using Diligence.Data;
using Diligence.Web.Hosting;
using Diligence.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Diligence.Web.Tests.Security;

/// <summary>
/// An unhandled exception, forced by a store that fails: API callers get RFC 7807 problem details, page callers the
/// friendly error page; neither sees the exception. The operator's log keeps it.
/// </summary>
public sealed class ErrorResponseTests
{
    private TestApp _app = null!;
    private HttpClient _admin = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = new TestApp(
            new Dictionary<string, string> { ["Questionnaires:SeedSampleVendors"] = "false" },
            services =>
            {
                services.AddSingleton(FailingService.Of<IVendorStore>());
                services.AddSingleton(FailingService.Of<IDatabaseHealth>());
            });
        (_admin, _) = await _app.SignInAsAsync(Role.Admin);
    }

    [OneTimeTearDown]
    public void Stop() => _app.Dispose();

    [Test]
    public async Task A_page_caller_gets_the_friendly_error_page_without_the_exception()
    {
        var response = await _admin.GetAsync("/vendors");
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(body, Does.Contain("<h1>Something went wrong</h1>").And.Contain(ProblemDetailsExceptionHandler.Detail));
        AssertNothingOfTheException(body);
    }

    [Test]
    public async Task A_caller_asking_for_json_gets_problem_details_without_the_exception()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/vendors");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        await AssertProblemDetailsAsync(await _admin.SendAsync(request));
    }

    [Test]
    public async Task An_api_endpoint_gets_problem_details_whatever_it_accepts()
    {
        await AssertProblemDetailsAsync(await _app.Client().GetAsync("/healthz"));
    }

    [Test]
    public async Task An_api_caller_refused_without_a_body_gets_problem_details_and_a_browser_the_error_page()
    {
        using var json = new HttpRequestMessage(HttpMethod.Get, "/admin/audit/export.csv");
        json.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var anonymous = await _app.Client().SendAsync(json);
        var missing = await _admin.GetAsync($"/reviews/{Guid.NewGuid()}/export");
        var page = await _admin.GetAsync($"/reviews/{Guid.NewGuid()}");

        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(anonymous.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(missing.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("<h1>Not found</h1>"));
    }

    [Test]
    public async Task The_log_keeps_the_exception_for_the_operator()
    {
        await _admin.GetAsync("/vendors");

        Assert.That(_app.Logs.All, Does.Contain(FailingService.Message));
    }

    private static async Task AssertProblemDetailsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        using var json = JsonDocument.Parse(body);
        Assert.That(json.RootElement.GetProperty("status").GetInt32(), Is.EqualTo(500));
        Assert.That(json.RootElement.GetProperty("title").GetString(), Is.EqualTo(ProblemDetailsExceptionHandler.Title));
        Assert.That(json.RootElement.GetProperty("detail").GetString(), Is.EqualTo(ProblemDetailsExceptionHandler.Detail));
        Assert.That(json.RootElement.TryGetProperty("traceId", out _), Is.True, "a reference the operator can find in the log");
        AssertNothingOfTheException(body);
    }

    private static void AssertNothingOfTheException(string body) =>
        Assert.That(body, Does.Not.Contain(FailingService.Message)
            .And.Not.Contain("InvalidOperationException")
            .And.Not.Contain("   at ")
            .And.Not.Contain(nameof(FailingService)));
}
