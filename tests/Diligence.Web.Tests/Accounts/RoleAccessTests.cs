using System.Net;
using Diligence.Core.Accounts;
using Diligence.Data;
using Diligence.Web.Tests.Infrastructure;

namespace Diligence.Web.Tests.Accounts;

public sealed class RoleAccessTests
{
    private TestApp _app = null!;

    [SetUp]
    public void Start() => _app = new TestApp();

    [TearDown]
    public void Stop() => _app.Dispose();

    [TestCase(Role.Reviewer)]
    [TestCase(Role.Procurement)]
    [TestCase(Role.Vendor)]
    public async Task Only_admins_manage_users(Role role)
    {
        var vendor = role == Role.Vendor ? (await _app.CreateVendorAsync()).Id : (Guid?)null;
        var (client, _) = await _app.SignInAsAsync(role, vendor);

        var response = await client.GetAsync("/admin/users");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.AbsolutePath, Is.EqualTo("/account/denied"));
    }

    [Test]
    public async Task An_admin_adds_a_reviewer_who_can_then_sign_in()
    {
        var (admin, _) = await _app.SignInAsAsync(Role.Admin);

        var response = await admin.PostFormAsync("/admin/users?handler=Create", new Dictionary<string, string>
        {
            ["Email"] = "new.reviewer@example.com",
            ["DisplayName"] = "New Reviewer",
            ["Password"] = TestApp.Password,
            ["Role"] = "Reviewer",
        }, "/admin/users");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var created = await _app.Get<IUserStore>().FindByEmailAsync("new.reviewer@example.com");
        Assert.That(created?.Role, Is.EqualTo(Role.Reviewer));
        var signedIn = await _app.SignInAsync(created!);
        Assert.That((await signedIn.GetAsync("/")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task An_admin_cannot_make_a_vendor_account_from_the_users_page()
    {
        var (admin, _) = await _app.SignInAsAsync(Role.Admin);

        var response = await admin.PostFormAsync("/admin/users?handler=Create", new Dictionary<string, string>
        {
            ["Email"] = "sneaky@example.com",
            ["DisplayName"] = "Sneaky",
            ["Password"] = TestApp.Password,
            ["Role"] = "Vendor",
        }, "/admin/users");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await _app.Get<IUserStore>().FindByEmailAsync("sneaky@example.com"), Is.Null);
    }
}
