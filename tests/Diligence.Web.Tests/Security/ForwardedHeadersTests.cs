using System.Net;
using Diligence.Core.Audit;
using Diligence.Core.Accounts;
using Diligence.Data;
using Diligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Diligence.Web.Tests.Security;

/// <summary>
/// Behind a load balancer: X-Forwarded-For and X-Forwarded-Proto count only from a configured known proxy, giving the
/// client address in audit events and HTTPS for the cookies; from anyone else they are ignored.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string Proxy = "10.0.0.5";
    private const string Client = "203.0.113.7";

    private TestApp _app = null!;

    [OneTimeSetUp]
    public void Start() => _app = new TestApp(
        new Dictionary<string, string> { ["ForwardedHeaders:KnownProxies"] = Proxy },
        services => services.AddTransient<IStartupFilter, TestPeerAddress>());

    [OneTimeTearDown]
    public void Stop() => _app.Dispose();

    [Test]
    public async Task Through_a_known_proxy_the_client_address_is_audited_and_https_makes_every_cookie_secure()
    {
        var (cookies, audited) = await SignInThroughAsync(Proxy);

        Assert.That(audited, Is.EqualTo(Client));
        Assert.That(cookies.Keys, Is.EquivalentTo(new[] { "diligence.antiforgery", "diligence.session" }));
        foreach (var (name, cookie) in cookies)
        {
            Assert.That(cookie, Does.Contain("; secure").IgnoreCase.And.Contain("; httponly").IgnoreCase.And.Contain("; samesite=strict").IgnoreCase, name);
        }
    }

    [Test]
    public async Task From_an_unknown_peer_the_forwarded_headers_are_ignored()
    {
        var (cookies, audited) = await SignInThroughAsync("198.51.100.9");

        Assert.That(audited, Is.EqualTo("198.51.100.9"));
        Assert.That(cookies.Values, Is.All.Not.Contain("; secure").IgnoreCase);
        Assert.That(cookies.Values, Is.All.Contain("; httponly").IgnoreCase.And.All.Contain("; samesite=strict").IgnoreCase);
    }

    [Test]
    public void A_known_proxy_that_is_not_an_address_stops_start_up_naming_the_key()
    {
        using var app = new TestApp(new Dictionary<string, string> { ["ForwardedHeaders:KnownProxies"] = "10.0.0.5,load-balancer" });

        var failure = Assert.Catch(() => app.Get<IUserStore>());

        Assert.That(failure!.ToString(), Does.Contain("ForwardedHeaders:KnownProxies: 'load-balancer' is not an IP address."));
    }

    /// <summary>Signs in over "HTTPS" as the proxy reports it; returns the cookies set (name → Set-Cookie) and the audited address.</summary>
    private async Task<(Dictionary<string, string> Cookies, string? Audited)> SignInThroughAsync(string peer)
    {
        var user = await _app.CreateUserAsync(Role.Reviewer);
        // Cookies are carried by hand: a secure cookie would not be sent back over the test server's plain http.
        using var client = _app.Factory.CreateDefaultClient();
        client.DefaultRequestHeaders.Add(TestPeerAddress.Header, peer);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", Client);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var cookies = new Dictionary<string, string>();

        var form = await client.GetAsync("/account/sign-in");
        Collect(form, cookies);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["email"] = user.Email,
                ["password"] = TestApp.Password,
                ["__RequestVerificationToken"] = HttpClientFormExtensions.AntiforgeryTokenOf(await form.Content.ReadAsStringAsync()),
            }),
        };
        post.Headers.Add("Cookie", string.Join("; ", cookies.Values.Select(c => c.Split(';')[0])));
        var signedIn = await client.SendAsync(post);
        Assert.That(signedIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Collect(signedIn, cookies);

        var events = await _app.Get<IAuditStore>().QueryAsync(new AuditFilter(Actor: user.Email, Action: AuditActions.SignIn), 0, 10);
        return (cookies, events.Events.Single().ClientAddress);
    }

    private static void Collect(HttpResponseMessage response, Dictionary<string, string> cookies)
    {
        foreach (var cookie in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            cookies[cookie[..cookie.IndexOf('=', StringComparison.Ordinal)]] = cookie;
        }
    }
}
