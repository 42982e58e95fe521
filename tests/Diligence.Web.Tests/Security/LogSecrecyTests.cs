using System.Net;
using System.Text.RegularExpressions;
using Diligence.Core.Accounts;
using Diligence.Web.Accounts;
using Diligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using static Diligence.Web.Tests.Reviews.ReviewBuilder;

namespace Diligence.Web.Tests.Security;

/// <summary>
/// Everything the app logs at the production level (Information) while secrets pass through it: passwords, the set-up
/// token, an invitation token and answer text never appear, in a message, a structured value or a scope.
/// </summary>
public sealed class LogSecrecyTests
{
    private const string WrongPassword = "wrong-Secret-pa55word-4e1d";
    private const string AdminPassword = "owner-Secret-pa55word-93aa";
    private const string ContactPassword = "portal-Secret-pa55word-c0de";
    private const string FormAnswer = "answer-text-from-the-form-6b2f";
    private const string AutosavedAnswer = "answer-text-autosaved-1e7c";

    [Test]
    public async Task Sign_in_set_up_answers_and_invitations_leave_no_secret_in_the_logs()
    {
        using var app = new TestApp(new Dictionary<string, string>
        {
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:Console:LogLevel:Default"] = "Warning",
        });

        var setupToken = app.Get<FirstRunSetup>().Open();
        var setup = await app.Client().PostFormAsync("/setup?token=" + setupToken, new Dictionary<string, string>
        {
            ["token"] = setupToken,
            ["Email"] = "first-admin@example.com",
            ["DisplayName"] = "First Admin",
            ["Password"] = AdminPassword,
        });
        Assert.That(setup.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        var reviewer = await app.CreateUserAsync(Role.Reviewer);
        var wrong = await app.Client().PostFormAsync("/account/sign-in", Fields(("email", reviewer.Email), ("password", WrongPassword)));
        Assert.That(await wrong.Content.ReadAsStringAsync(), Does.Contain(SignInService.InvalidCredentials));

        var client = await app.SignInAsync(reviewer);
        var review = await app.CreateReviewAsync(reviewer.Id);
        var step = $"/reviews/{review.Id}/steps/profile";
        var saved = await client.PostFormAsync(step, Fields(("v.summary", "0"), ("a.summary", FormAnswer)));
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var autosaved = await client.PostAutosaveAsync($"/reviews/{review.Id}/answers/summary", step, Fields(("v.summary", "1"), ("a.summary", AutosavedAnswer)));
        Assert.That(autosaved.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var vendor = await app.CreateVendorAsync("Logged");
        var invited = await client.PostFormAsync($"/vendors/{vendor.Id}/invitations", Fields(("Email", "contact@logged.example")));
        var link = InvitationLink.PathIn(await invited.Content.ReadAsStringAsync());
        var accepted = await app.Client().PostFormAsync(link, Fields(("DisplayName", "Contact"), ("Password", ContactPassword)));
        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        var logs = app.Logs.All;
        Assert.That(logs, Does.Contain("POST /invitations answered 302").And.Contain("POST /setup answered 302"),
            "requests are logged, so the absence of their secrets below means something");
        foreach (var secret in new[] { WrongPassword, AdminPassword, TestApp.Password, ContactPassword, setupToken, link.Split('=')[^1], FormAnswer, AutosavedAnswer })
        {
            Assert.That(logs, Does.Not.Contain(secret));
        }
    }

    [Test]
    public async Task Session_secrets_reset_tokens_and_new_passwords_leave_no_trace_in_the_logs()
    {
        const string NewPassword = "reset-Secret-pa55word-7a3c";
        using var app = new TestApp(new Dictionary<string, string>
        {
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:Console:LogLevel:Default"] = "Warning",
        });
        var (admin, _) = await app.SignInAsAsync(Role.Admin);
        var reviewer = await app.CreateUserAsync(Role.Reviewer);

        var created = await admin.PostFormAsync("/admin/users?handler=Reset", Fields(("userId", reviewer.Id.ToString())), "/admin/users");
        var link = new Uri(WebUtility.HtmlDecode(Regex.Match(await created.Content.ReadAsStringAsync(),
            "id=\"reset-link\" type=\"text\" readonly value=\"([^\"]+)\"").Groups[1].Value)).PathAndQuery;
        var reset = await app.Client().PostFormAsync(link, Fields(("NewPassword", NewPassword)));
        Assert.That(await reset.Content.ReadAsStringAsync(), Does.Contain("Your password is set"));
        var cookies = new CookieContainer();
        var client = app.Client(cookies);
        await client.PostFormAsync("/account/sign-in", Fields(("email", reviewer.Email), ("password", NewPassword)));
        await client.GetAsync("/");
        var secret = app.Get<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme)
            .TicketDataFormat.Unprotect(cookies.GetAllCookies()["diligence.session"]!.Value)!.Principal.FindFirst(DiligenceClaimTypes.SessionToken)!.Value;

        var logs = app.Logs.All;
        Assert.That(logs, Does.Contain("POST /account/reset answered 200"), "requests are logged, so the absence of their secrets below means something");
        foreach (var value in new[] { link.Split('=')[^1], NewPassword, secret, SecretTokens.HashOf(secret) })
        {
            Assert.That(logs, Does.Not.Contain(value));
        }
    }
}
