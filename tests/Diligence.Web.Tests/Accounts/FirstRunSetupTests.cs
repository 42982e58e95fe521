using System.Net;
using Diligence.Core.Accounts;
using Diligence.Data;
using Diligence.Web.Accounts;
using Diligence.Web.Tests.Infrastructure;

namespace Diligence.Web.Tests.Accounts;

public sealed class FirstRunSetupTests
{
    private TestApp _app = null!;

    [SetUp]
    public void Start() => _app = new TestApp();

    [TearDown]
    public void Stop() => _app.Dispose();

    [Test]
    public async Task A_wrong_token_gets_a_clear_page_and_creates_nobody()
    {
        _app.Get<FirstRunSetup>().Open();

        var page = await _app.Client().GetStringAsync("/setup?token=guessed");

        Assert.That(page, Does.Contain("This set-up link is not valid."));
        Assert.That(await _app.Get<IUserStore>().CountAsync(), Is.Zero);
    }

    [Test]
    public async Task The_token_creates_the_first_admin_once()
    {
        var token = _app.Get<FirstRunSetup>().Open();
        var client = _app.Client();
        var url = "/setup?token=" + token;

        var created = await client.PostFormAsync(url, new Dictionary<string, string>
        {
            ["token"] = token,
            ["Email"] = "admin@example.com",
            ["DisplayName"] = "First Admin",
            ["Password"] = TestApp.Password,
        });
        var reused = await _app.Client().GetStringAsync(url);

        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var admin = await _app.Get<IUserStore>().FindByEmailAsync("admin@example.com");
        Assert.That(admin?.Role, Is.EqualTo(Role.Admin));
        Assert.That(reused, Does.Contain("This set-up link is not valid."));
    }

    [Test]
    public async Task A_short_password_is_refused_beside_the_field_and_the_other_input_is_kept()
    {
        var token = _app.Get<FirstRunSetup>().Open();

        var response = await _app.Client().PostFormAsync("/setup?token=" + token, new Dictionary<string, string>
        {
            ["token"] = token,
            ["Email"] = "admin@example.com",
            ["DisplayName"] = "First Admin",
            ["Password"] = "short",
        });
        var page = await response.Content.ReadAsStringAsync();

        Assert.That(page, Does.Contain("<p class=\"error-text\" id=\"f-password-error\">Use at least 12 characters.</p>"));
        Assert.That(page, Does.Contain("<a href=\"#f-password\">Use at least 12 characters.</a>"), "the error summary links to the field");
        Assert.That(page, Does.Contain("value=\"admin@example.com\"").And.Contain("value=\"First Admin\""));
        Assert.That(await _app.Get<IUserStore>().CountAsync(), Is.Zero);
    }
}
