using System.Net;
using Diligence.Core.Accounts;
using Diligence.Data;
using Diligence.Web.Tests.Infrastructure;

namespace Diligence.Web.Tests.Accounts;

/// <summary>The admin's users page (<c>/admin/users</c>): adding staff, changing roles, and where vendor contacts come from.</summary>
public sealed class UsersPageTests
{
    private TestApp _app = null!;

    [SetUp]
    public void Start() => _app = new TestApp();

    [TearDown]
    public void Stop() => _app.Dispose();

    [Test]
    public async Task The_page_says_vendor_contacts_are_invited_from_the_vendors_page()
    {
        var (admin, _) = await _app.SignInAsAsync(Role.Admin);

        var page = await admin.GetStringAsync("/admin/users");

        Assert.That(page, Does.Contain(
            "Vendor contacts join through an invitation from their vendor's page (<a href=\"/vendors\">Vendors</a> → the vendor → Invitations), not here."));
        Assert.That(page, Does.Not.Contain("from a review"));
    }

    [Test]
    public async Task Changing_the_role_of_the_only_administrator_is_refused_with_the_reason_beside_the_field()
    {
        var (admin, user) = await _app.SignInAsAsync(Role.Admin);

        var response = await admin.PostFormAsync("/admin/users?handler=Role",
            new Dictionary<string, string> { ["userId"] = user.Id.ToString(), ["role"] = nameof(Role.Reviewer) }, "/admin/users");
        var page = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page, Does.Contain($"aria-describedby=\"role-{user.Id}-error\" aria-invalid=\"true\""));
        Assert.That(page, Does.Contain($"<p class=\"error-text\" id=\"role-{user.Id}-error\">You cannot change the role of the only administrator; make another user an administrator first.</p>"));
        Assert.That((await _app.Get<IUserStore>().GetAsync(user.Id))!.Role, Is.EqualTo(Role.Admin));
    }

    [Test]
    public async Task An_administrator_changing_their_own_role_is_told_to_ask_another_one()
    {
        var (admin, user) = await _app.SignInAsAsync(Role.Admin);
        await _app.CreateUserAsync(Role.Admin);

        var response = await admin.PostFormAsync("/admin/users?handler=Role",
            new Dictionary<string, string> { ["userId"] = user.Id.ToString(), ["role"] = nameof(Role.Reviewer) }, "/admin/users");

        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(
            $"<p class=\"error-text\" id=\"role-{user.Id}-error\">You cannot change your own role; ask another administrator to change it.</p>"));
    }

    [Test]
    public async Task Another_administrator_can_be_made_a_reviewer()
    {
        var (admin, _) = await _app.SignInAsAsync(Role.Admin);
        var other = await _app.CreateUserAsync(Role.Admin);

        var response = await admin.PostFormAsync("/admin/users?handler=Role",
            new Dictionary<string, string> { ["userId"] = other.Id.ToString(), ["role"] = nameof(Role.Reviewer) }, "/admin/users");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await _app.Get<IUserStore>().GetAsync(other.Id))!.Role, Is.EqualTo(Role.Reviewer));
    }
}
