using System.Net;
using System.Net.Http.Headers;
using Diligence.Core.Accounts;
using Diligence.Core.Reviews;
using Diligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static Diligence.Web.Tests.Reviews.ReviewBuilder;

namespace Diligence.Web.Tests.Security;

/// <summary>Headers, antiforgery, rate limits and size limits, on every kind of response and form.</summary>
public sealed class HardeningTests
{
    private TestApp _app = null!;
    private HttpClient _admin = null!;
    private Review _review = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = new TestApp();
        UserAccount admin;
        (_admin, admin) = await _app.SignInAsAsync(Role.Admin);
        _review = await _app.AddReviewAsync(admin.Id, ReviewStatus.InReview);
    }

    [OneTimeTearDown]
    public void Stop() => _app.Dispose();

    [Test]
    public async Task Every_kind_of_response_carries_the_security_headers()
    {
        var responses = new List<(string What, HttpResponseMessage Response)>
        {
            ("page", await _admin.GetAsync("/admin/audit")),
            ("redirect", await _app.Client().GetAsync("/vendors")),
            ("not found", await _admin.GetAsync("/no-such-page")),
            ("static file", await _admin.GetAsync("/css/site.css")),
            ("health", await _admin.GetAsync("/healthz")),
            ("export", await _admin.GetAsync("/admin/audit/export.jsonl")),
            ("refused post", await _admin.PostAsync("/vendors/new", new FormUrlEncodedContent([]))),
        };
        foreach (var (what, response) in responses)
        {
            var headers = response.Headers;
            Assert.That(headers.TryGetValues("Content-Security-Policy", out var csp), Is.True, what);
            Assert.That(csp!.Single(), Does.Contain("script-src 'self'").And.Contain("frame-ancestors 'none'").And.Not.Contain("unsafe-inline"), what);
            Assert.That(headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"), what);
            Assert.That(headers.GetValues("Referrer-Policy").Single(), Is.EqualTo("no-referrer"), what);
        }
    }

    [Test]
    public async Task The_session_cookie_is_http_only_and_same_site_strict()
    {
        var user = await _app.CreateUserAsync(Role.Reviewer);
        var client = _app.Client();
        var page = await client.GetStringAsync("/account/sign-in");
        var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = user.Email,
            ["password"] = TestApp.Password,
            ["__RequestVerificationToken"] = HttpClientFormExtensions.AntiforgeryTokenOf(page),
        }));

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("diligence.session=", StringComparison.Ordinal));
        Assert.That(cookie, Does.Contain("httponly").IgnoreCase.And.Contain("samesite=strict").IgnoreCase);
    }

    [Test]
    public async Task The_temp_data_cookie_is_http_only_and_same_site_strict()
    {
        var response = await _admin.PostFormAsync($"/reviews/{_review.Id}/exports", Fields(("Paper", "A4")));

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Mvc.CookieTempDataProvider=", StringComparison.Ordinal));
        Assert.That(cookie, Does.Contain("httponly").IgnoreCase.And.Contain("samesite=strict").IgnoreCase);
    }

    [TestCase("/vendors/new")]
    [TestCase("/reviews/new")]
    [TestCase("/admin/users?handler=Create")]
    [TestCase("/account/sign-out")]
    public async Task A_form_post_without_an_antiforgery_token_is_refused(string url)
    {
        var response = await _admin.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["Name"] = "x" }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Autosave_without_an_antiforgery_token_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/reviews/{_review.Id}/answers/inbound")
        {
            Content = new FormUrlEncodedContent(Fields(("v.inbound", "0"), ("a.inbound", "yes"))),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        var response = await _admin.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task A_body_over_the_limit_is_refused_before_it_is_read()
    {
        var big = new string('a', 2 * 1024 * 1024);

        var response = await _admin.PostFormAsync("/vendors/new", Fields(("Name", big)), "/vendors");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [TestCase("/account/sign-in")]
    [TestCase("/setup?token=guessed")]
    [TestCase("/invitations?token=guessed")]
    public async Task Failed_sign_in_set_up_and_invitation_attempts_are_limited_per_client_behind_a_proxy(string url)
    {
        using var app = new TestApp(
            new Dictionary<string, string> { ["Accounts:SignInAttemptsPerMinute"] = "3", ["ForwardedHeaders:KnownProxies"] = "10.0.0.5" },
            services => services.AddTransient<IStartupFilter, TestPeerAddress>());
        // A wrong password, or a token that names nothing; the sign-in page gives the antiforgery token for all three.
        async Task<HttpStatusCode> FailFromAsync(string client)
        {
            var browser = app.Client();
            browser.DefaultRequestHeaders.Add(TestPeerAddress.Header, "10.0.0.5");
            browser.DefaultRequestHeaders.Add("X-Forwarded-For", client);
            var response = await browser.PostFormAsync(url, Fields(("email", "nobody@example.com"), ("password", "guessed password")), "/account/sign-in");
            return response.StatusCode;
        }
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add(await FailFromAsync("203.0.113.7"));
        }

        Assert.That(statuses.Take(3), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(statuses.Skip(3), Is.All.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(await FailFromAsync("198.51.100.9"), Is.EqualTo(HttpStatusCode.OK), "another client behind the same proxy");
    }

    [Test]
    public void Data_protection_keys_survive_a_restart_so_sessions_do()
    {
        using var app = new TestApp();
        var cookie = app.Get<IDataProtectionProvider>().CreateProtector("session").Protect("signed in");
        app.Restart();

        var read = app.Get<IDataProtectionProvider>().CreateProtector("session").Unprotect(cookie);

        Assert.That(read, Is.EqualTo("signed in"));
        Assert.That(Directory.Exists(Path.Combine(app.DataDirectory, "keys")), Is.False);
    }
}
