using System.Net;
using Diligence.Core.Accounts;
using Diligence.Web.Tests.Infrastructure;
using static Diligence.Web.Tests.Reviews.ReviewBuilder;

namespace Diligence.Web.Tests.Security;

/// <summary>Links handed to people name the configured public address, whatever Host header the request carried.</summary>
public sealed class PublicLinkTests
{
    [Test]
    public async Task An_invitation_link_names_the_public_address_not_the_requests_host_header()
    {
        // AllowedHosts "*" lets the forged header through to the page, so the link itself is what is tested.
        using var app = new TestApp(new Dictionary<string, string>
        {
            ["App:PublicUrl"] = "https://diligence.example.com/",
            ["AllowedHosts"] = "*",
        });
        var (reviewer, _) = await app.SignInAsAsync(Role.Reviewer);
        var vendor = await app.AddVendorAsync();
        var form = await reviewer.GetStringAsync($"/vendors/{vendor.Id}/invitations");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/vendors/{vendor.Id}/invitations")
        {
            Content = new FormUrlEncodedContent(Fields(
                ("Email", "contact@vendor.example"), ("__RequestVerificationToken", HttpClientFormExtensions.AntiforgeryTokenOf(form)))),
        };
        request.Headers.Host = "evil.example";

        var page = await (await reviewer.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.That(page, Does.Match("value=\"https://diligence\\.example\\.com/invitations\\?token=[A-Za-z0-9_-]{43}\""));
        Assert.That(page, Does.Not.Contain("evil.example"));
    }

    [Test]
    public async Task With_a_public_address_another_host_header_is_refused()
    {
        using var app = new TestApp(new Dictionary<string, string> { ["App:PublicUrl"] = "https://diligence.example.com" });
        var client = app.Client();
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/account/sign-in");
        forged.Headers.Host = "evil.example";
        using var named = new HttpRequestMessage(HttpMethod.Get, "/account/sign-in");
        named.Headers.Host = "diligence.example.com";

        Assert.That((await client.SendAsync(forged)).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await client.SendAsync(named)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
