using System.Net;
using Diligence.Core.Accounts;
using Diligence.Web.Accounts;
using Diligence.Web.Tests.Infrastructure;

namespace Diligence.Web.Tests.Accounts;

public sealed class SignInTests
{
    private TestApp _app = null!;

    [SetUp]
    public void Start() => _app = new TestApp();

    [TearDown]
    public void Stop() => _app.Dispose();

    [Test]
    public async Task An_anonymous_request_is_sent_to_sign_in()
    {
        var response = await _app.Client().GetAsync("/");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.AbsolutePath, Is.EqualTo("/account/sign-in"));
    }

    [Test]
    public async Task Health_is_public_and_reports_the_database()
    {
        var response = await _app.Client().GetAsync("/healthz");
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body, Does.Contain("\"status\":\"healthy\"").And.Contain("\"database\":\"reachable\""));
    }

    [Test]
    public async Task A_wrong_password_shows_one_message_that_reveals_nothing()
    {
        var user = await _app.CreateUserAsync(Role.Reviewer);

        var wrongPassword = await Post(user.Email, "not the password at all");
        var unknownUser = await Post("nobody@example.com", "not the password at all");

        Assert.That(wrongPassword, Does.Contain(SignInService.InvalidCredentials));
        Assert.That(unknownUser, Does.Contain(SignInService.InvalidCredentials));
    }

    [Test]
    public async Task After_five_failures_even_the_right_password_waits_with_the_same_message()
    {
        var user = await _app.CreateUserAsync(Role.Reviewer);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await Post(user.Email, "wrong password " + attempt);
        }

        var page = await Post(user.Email, TestApp.Password);

        Assert.That(page, Does.Contain(SignInService.InvalidCredentials));
    }

    [Test]
    public async Task Signing_in_works_and_the_user_sees_the_dashboard()
    {
        var (client, _) = await _app.SignInAsAsync(Role.Reviewer);

        var response = await client.GetAsync("/");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_sign_in_post_without_an_antiforgery_token_is_refused()
    {
        var response = await _app.Client().PostAsync("/account/sign-in", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["email"] = "a@example.com", ["password"] = "x" }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Every_response_carries_the_security_headers()
    {
        var response = await _app.Client().GetAsync("/account/sign-in");

        Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("script-src 'self'").And.Contain("frame-ancestors 'none'"));
        Assert.That(response.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
        Assert.That(response.Headers.GetValues("Referrer-Policy").Single(), Is.EqualTo("no-referrer"));
    }

    private async Task<string> Post(string email, string password)
    {
        var response = await _app.Client().PostFormAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = password,
        });
        return await response.Content.ReadAsStringAsync();
    }
}
