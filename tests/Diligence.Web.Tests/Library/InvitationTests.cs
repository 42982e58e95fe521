using System.Net;
using Diligence.Core.Accounts;
using Diligence.Core.Vendors;
using Diligence.Data;
using Diligence.Web.Pages.Invitations;
using Diligence.Web.Tests.Infrastructure;
using static Diligence.Web.Tests.Reviews.ReviewBuilder;

namespace Diligence.Web.Tests.Library;

/// <summary>Invitation links: create, use once, refuse when used, expired, revoked or unknown.</summary>
public sealed class InvitationTests
{
    private TestApp _app = null!;
    private HttpClient _reviewer = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = new TestApp();
        (_reviewer, _) = await _app.SignInAsAsync(Role.Reviewer);
    }

    [OneTimeTearDown]
    public void Stop() => _app.Dispose();

    [Test]
    public async Task A_new_link_is_shown_in_a_readonly_field_with_a_copy_button_its_script_reveals()
    {
        var vendor = await _app.AddVendorAsync();

        var response = await _reviewer.PostFormAsync($"/vendors/{vendor.Id}/invitations", Fields(("Email", "contact@vendor.example")));
        var page = await response.Content.ReadAsStringAsync();

        Assert.That(page, Does.Match("<input id=\"invitation-link\" type=\"text\" readonly value=\"http://localhost/invitations\\?token=[A-Za-z0-9_-]{43}\""));
        Assert.That(page, Does.Contain("<button type=\"button\" data-copy=\"invitation-link\" data-copy-status=\"invitation-link-copied\" hidden>Copy link</button>"));
        Assert.That(page, Does.Match("<script src=\"/js/copy-link.js\\?v=[^\"]+\"></script>"));
        Assert.That((await _reviewer.GetAsync("/js/copy-link.js")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_contact_uses_a_link_once_and_becomes_a_vendor_user_of_that_vendor_only()
    {
        var vendor = await _app.AddVendorAsync();
        var email = $"contact-{Guid.NewGuid():N}@vendor.example";
        var link = await InviteAsync(vendor.Id, email);

        var contact = _app.Client();
        var form = await contact.GetStringAsync(link);
        var late = _app.Client();
        var lateToken = HttpClientFormExtensions.AntiforgeryTokenOf(await late.GetStringAsync(link));
        Assert.That(form, Does.Contain(vendor.Name).And.Contain(email));
        var response = await contact.PostFormAsync(link, Fields(("DisplayName", "Vendor Contact"), ("Password", TestApp.Password)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo("/portal"));
        var user = await _app.Get<IUserStore>().FindByEmailAsync(email);
        Assert.That((user?.Role, user?.VendorId), Is.EqualTo(((Role?)Role.Vendor, (Guid?)vendor.Id)));
        Assert.That(await contact.GetStringAsync("/portal"), Does.Contain(vendor.Name));

        var again = await _app.Client().GetStringAsync(link);
        Assert.That(again, Does.Contain(AcceptModel.RefusalFor(InvitationState.Used)));
        var reuse = await late.PostAsync(link, new FormUrlEncodedContent(Fields(
            ("DisplayName", "Someone else"), ("Password", TestApp.Password), ("__RequestVerificationToken", lateToken))));
        Assert.That(reuse.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await reuse.Content.ReadAsStringAsync(), Does.Contain(AcceptModel.RefusalFor(InvitationState.Used)));
    }

    [Test]
    public async Task A_field_error_keeps_the_link_open()
    {
        var vendor = await _app.AddVendorAsync();
        var link = await InviteAsync(vendor.Id, $"c-{Guid.NewGuid():N}@vendor.example");

        var response = await _app.Client().PostFormAsync(link, Fields(("DisplayName", "Contact"), ("Password", "short")));

        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Use at least"));
        var retry = await _app.Client().PostFormAsync(link, Fields(("DisplayName", "Contact"), ("Password", TestApp.Password)));
        Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }

    [Test]
    public async Task A_revoked_link_gets_a_clear_page_and_creates_nothing()
    {
        var vendor = await _app.AddVendorAsync();
        var email = $"c-{Guid.NewGuid():N}@vendor.example";
        var link = await InviteAsync(vendor.Id, email);
        var invitation = (await _app.Get<IInvitationStore>().ListAsync(vendor.Id)).Single();

        var revoke = await _reviewer.PostFormAsync($"/vendors/{vendor.Id}/invitations?handler=revoke",
            Fields(("invitationId", invitation.Id.ToString())), $"/vendors/{vendor.Id}/invitations");
        Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        var page = await _app.Client().GetAsync(link);
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain(AcceptModel.RefusalFor(InvitationState.Revoked)));
        Assert.That(await _app.Get<IUserStore>().FindByEmailAsync(email), Is.Null);
    }

    [Test]
    public async Task An_expired_or_unknown_link_gets_a_clear_page()
    {
        var vendor = await _app.AddVendorAsync();
        var link = await InviteAsync(vendor.Id, $"c-{Guid.NewGuid():N}@vendor.example");
        var invitation = (await _app.Get<IInvitationStore>().ListAsync(vendor.Id)).Single();
        using (var connection = await _app.Get<Diligence.Data.Sqlite.SqliteStorage>().Connections.OpenAsync())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "UPDATE vendor_invitations SET expires_at = '2000-01-01T00:00:00.0000000+00:00' WHERE id = $id";
            command.Parameters.AddWithValue("$id", invitation.Id.ToString());
            await command.ExecuteNonQueryAsync();
        }

        Assert.That(await _app.Client().GetStringAsync(link), Does.Contain(AcceptModel.RefusalFor(InvitationState.Expired)));
        Assert.That(await _app.Client().GetStringAsync("/invitations?token=not-a-real-token"), Does.Contain(AcceptModel.RefusalFor(null)));
    }

    [Test]
    public async Task Another_vendors_invitation_cannot_be_revoked_through_this_vendor()
    {
        var mine = await _app.AddVendorAsync();
        var theirs = await _app.AddVendorAsync();
        await InviteAsync(theirs.Id, $"c-{Guid.NewGuid():N}@vendor.example");
        var invitation = (await _app.Get<IInvitationStore>().ListAsync(theirs.Id)).Single();

        var revoke = await _reviewer.PostFormAsync($"/vendors/{mine.Id}/invitations?handler=revoke",
            Fields(("invitationId", invitation.Id.ToString())), $"/vendors/{mine.Id}/invitations");

        Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await _app.Get<IInvitationStore>().GetAsync(invitation.Id))!.RevokedAt, Is.Null);
    }

    private async Task<string> InviteAsync(Guid vendorId, string email)
    {
        var response = await _reviewer.PostFormAsync($"/vendors/{vendorId}/invitations", Fields(("Email", email)));
        return InvitationLink.PathIn(await response.Content.ReadAsStringAsync());
    }
}
