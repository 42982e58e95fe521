using System.Net;
using Diligence.Core.Accounts;
using Diligence.Web.Accounts;
using Diligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Diligence.Web.Tests.Accounts;

/// <summary>Failed sign-ins, set-up and invitation attempts are limited per account and per client address; page views never are.</summary>
public sealed class FailedAttemptLimitTests
{
    private const string Office = "203.0.113.7";

    [TestCase("/account/sign-in")]
    [TestCase("/setup")]
    [TestCase("/invitations?token=guessed")]
    public async Task Viewing_the_page_thirty_times_in_a_minute_is_never_limited(string url)
    {
        using var app = OfficeApp(attemptsPerMinute: 10);
        var client = FromOffice(app);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            statuses.Add((await client.GetAsync(url)).StatusCode);
        }

        Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Failures_pause_one_e_mail_address_while_a_colleague_at_the_same_address_signs_in_until_the_address_limit()
    {
        using var app = OfficeApp(attemptsPerMinute: 8);
        var guessed = await app.CreateUserAsync(Role.Reviewer);
        var colleague = await app.CreateUserAsync(Role.Reviewer);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await SignInAsync(app, guessed.Email, "wrong password " + attempt);
        }

        var locked = await SignInAsync(app, guessed.Email, TestApp.Password);
        var colleagueSignIn = await SignInAsync(app, colleague.Email, TestApp.Password);

        Assert.That(await locked.Content.ReadAsStringAsync(), Does.Contain(SignInService.InvalidCredentials));
        Assert.That(colleagueSignIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "a success is not a failure, and the wait is per e-mail address");

        // Six failures so far from the address (five, then the locked account's); two more reach the limit of eight.
        var colleagueTypos = new[] { await SignInAsync(app, colleague.Email, "typo 1"), await SignInAsync(app, colleague.Email, "typo 2") };
        var blocked = await SignInAsync(app, colleague.Email, TestApp.Password);
        var elsewhere = await SignInAsync(app, colleague.Email, TestApp.Password, address: "198.51.100.9");

        Assert.That(await Task.WhenAll(colleagueTypos.Select(r => r.Content.ReadAsStringAsync())), Is.All.Contain(SignInService.InvalidCredentials));
        Assert.That(blocked.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        var page = await blocked.Content.ReadAsStringAsync();
        Assert.That(page, Does.Contain("Too many attempts").And.Contain("Too many failed attempts from your network. Wait a minute and try again."));
        Assert.That(elsewhere.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "another address is counted on its own");
    }

    [Test]
    public async Task Successful_sign_ins_are_not_counted()
    {
        using var app = OfficeApp(attemptsPerMinute: 2);
        var user = await app.CreateUserAsync(Role.Reviewer);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await SignInAsync(app, user.Email, TestApp.Password)).StatusCode);
        }

        Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.Redirect));
    }

    private static TestApp OfficeApp(int attemptsPerMinute) => new(
        new Dictionary<string, string> { ["Accounts:SignInAttemptsPerMinute"] = attemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        services => services.AddTransient<IStartupFilter, TestPeerAddress>());

    private static HttpClient FromOffice(TestApp app, string address = Office)
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Add(TestPeerAddress.Header, address);
        return client;
    }

    private static Task<HttpResponseMessage> SignInAsync(TestApp app, string email, string password, string address = Office) =>
        FromOffice(app, address).PostFormAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = password,
        });
}
