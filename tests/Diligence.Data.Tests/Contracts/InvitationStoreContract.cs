using Diligence.Core.Accounts;
using Diligence.Core.Audit;
using Diligence.Core.Vendors;

namespace Diligence.Data.Tests.Contracts;

/// <summary>
/// What every <see cref="IInvitationStore"/> must do: one sign-up per link, revocable until used, and an invitation's
/// use and its account are one change.
/// </summary>
public abstract class InvitationStoreContract : StoreContract
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private async Task<VendorInvitation> SeedInvitationAsync(Guid vendorId, DateTimeOffset? createdAt = null, AuditEntry? audit = null)
    {
        var creator = await SeedUserAsync();
        var invitation = new VendorInvitation(Guid.NewGuid(), vendorId, "contact@astronomer.io", Guid.NewGuid().ToString("N"),
            creator.Id, createdAt ?? At, At.AddDays(14), RevokedAt: null, UsedAt: null, UsedBy: null);
        await Database.Invitations.CreateAsync(invitation, audit);
        return invitation;
    }

    private static UserAccount VendorUser(Guid vendorId, string email) =>
        TestData.User(email, Role.Vendor, "Casey Contact") with { VendorId = vendorId };

    [Test]
    public async Task Creating_revoking_and_using_given_audit_entries_append_them_with_the_change_and_a_refused_one_appends_nothing()
    {
        var vendor = await SeedVendorAsync();

        var revoked = await SeedInvitationAsync(vendor.Id, audit: TestData.AuditEntry("created"));
        var used = await SeedInvitationAsync(vendor.Id);
        var revokedOnce = await Database.Invitations.RevokeAsync(revoked.Id, vendor.Id, At.AddHours(1), TestData.AuditEntry("revoked"));
        var revokedTwice = await Database.Invitations.RevokeAsync(revoked.Id, vendor.Id, At.AddHours(2), TestData.AuditEntry("revoked again"));
        var usedOnce = await Database.Invitations.AcceptAsync(used.Id, VendorUser(vendor.Id, "first@astronomer.io"), At.AddHours(1), TestData.AuditEntry("used"));
        var usedTwice = await Database.Invitations.AcceptAsync(used.Id, VendorUser(vendor.Id, "second@astronomer.io"), At.AddHours(2), TestData.AuditEntry("used again"));

        var events = await Database.Audit.StreamAsync(AuditFilter.All).ToListAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That((revokedOnce, revokedTwice, usedOnce, usedTwice), Is.EqualTo((true, false, true, false)));
            Assert.That(events.Select(e => e.ResourceId), Is.EqualTo(new[] { "created", "revoked", "used" }));
            Assert.That((await Database.Audit.VerifyAsync()).IsIntact, Is.True);
        }
    }

    [Test]
    public async Task A_created_invitation_reads_back_by_id_and_by_token_hash()
    {
        var invitation = await SeedInvitationAsync((await SeedVendorAsync()).Id);

        Assert.That(await Database.Invitations.GetAsync(invitation.Id), Is.EqualTo(invitation));
        Assert.That(await Database.Invitations.FindByTokenHashAsync(invitation.TokenHash), Is.EqualTo(invitation));
        Assert.That(await Database.Invitations.FindByTokenHashAsync(invitation.TokenHash.ToUpperInvariant()), Is.Null,
            "token hashes compare exactly");
        Assert.That(await Database.Invitations.GetAsync(Guid.NewGuid()), Is.Null);
    }

    [Test]
    public async Task A_vendors_invitations_are_listed_newest_first()
    {
        var vendor = await SeedVendorAsync();
        var older = await SeedInvitationAsync(vendor.Id, At);
        var newer = await SeedInvitationAsync(vendor.Id, At.AddHours(1));
        await SeedInvitationAsync((await SeedVendorAsync("Other")).Id);

        var listed = await Database.Invitations.ListAsync(vendor.Id);

        Assert.That(listed.Select(i => i.Id), Is.EqualTo(new[] { newer.Id, older.Id }));
    }

    [Test]
    public async Task Only_an_unused_invitation_of_that_vendor_can_be_revoked()
    {
        var vendor = await SeedVendorAsync();
        var invitation = await SeedInvitationAsync(vendor.Id);
        var used = await SeedInvitationAsync(vendor.Id);
        var other = await SeedVendorAsync("Other");
        await Database.Invitations.AcceptAsync(used.Id, VendorUser(vendor.Id, "used@astronomer.io"), At.AddHours(1));

        Assert.That(await Database.Invitations.RevokeAsync(invitation.Id, other.Id, At.AddHours(2)), Is.False);
        Assert.That(await Database.Invitations.RevokeAsync(used.Id, vendor.Id, At.AddHours(2)), Is.False);
        Assert.That(await Database.Invitations.RevokeAsync(invitation.Id, vendor.Id, At.AddHours(2)), Is.True);
        Assert.That((await Database.Invitations.GetAsync(invitation.Id))!.RevokedAt, Is.EqualTo(At.AddHours(2)));
    }

    [Test]
    public async Task Accepting_uses_the_invitation_and_creates_the_account_together()
    {
        var vendor = await SeedVendorAsync();
        var invitation = await SeedInvitationAsync(vendor.Id);
        var account = VendorUser(vendor.Id, "contact@astronomer.io");

        var accepted = await Database.Invitations.AcceptAsync(invitation.Id, account, At.AddHours(1));
        var again = await Database.Invitations.AcceptAsync(invitation.Id, VendorUser(vendor.Id, "other@astronomer.io"), At.AddHours(2));

        Assert.That((accepted, again), Is.EqualTo((true, false)));
        var stored = await Database.Invitations.GetAsync(invitation.Id);
        Assert.That((stored!.UsedAt, stored.UsedBy), Is.EqualTo(((DateTimeOffset?)At.AddHours(1), (Guid?)account.Id)));
        Assert.That((await Database.Users.GetAsync(account.Id))?.VendorId, Is.EqualTo(vendor.Id));
        Assert.That(await Database.Users.FindByEmailAsync("other@astronomer.io"), Is.Null);
    }

    [Test]
    public async Task When_the_account_cannot_be_inserted_the_invitation_stays_open()
    {
        var vendor = await SeedVendorAsync();
        var invitation = await SeedInvitationAsync(vendor.Id);
        // The e-mail is taken, so the insert fails after the invitation was claimed in the same transaction.
        await Database.Users.CreateAsync(TestData.User("contact@astronomer.io"));
        var account = VendorUser(vendor.Id, "contact@astronomer.io");

        Assert.That(() => Database.Invitations.AcceptAsync(invitation.Id, account, At.AddHours(1)), Throws.TypeOf<DuplicateEmailException>());

        var stored = await Database.Invitations.GetAsync(invitation.Id);
        Assert.That((stored!.UsedAt, stored.UsedBy, stored.StateAt(At.AddHours(1))), Is.EqualTo(((DateTimeOffset?)null, (Guid?)null, InvitationState.Open)));
        Assert.That(await Database.Users.GetAsync(account.Id), Is.Null);
    }

    [Test]
    public async Task An_expired_or_revoked_invitation_creates_no_account()
    {
        var vendor = await SeedVendorAsync();
        var expired = await SeedInvitationAsync(vendor.Id);
        var revoked = await SeedInvitationAsync(vendor.Id);
        await Database.Invitations.RevokeAsync(revoked.Id, vendor.Id, At);
        var late = VendorUser(vendor.Id, "late@astronomer.io");
        var refused = VendorUser(vendor.Id, "refused@astronomer.io");

        Assert.That(await Database.Invitations.AcceptAsync(expired.Id, late, At.AddDays(15)), Is.False);
        Assert.That(await Database.Invitations.AcceptAsync(revoked.Id, refused, At.AddHours(1)), Is.False);
        Assert.That(await Database.Users.GetAsync(late.Id), Is.Null);
        Assert.That(await Database.Users.GetAsync(refused.Id), Is.Null);
    }
}
