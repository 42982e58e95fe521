using Diligence.Core.Vendors;

namespace Diligence.Data.Tests.Contracts;

/// <summary>What every <see cref="IInvitationStore"/> must do: one sign-up per link, revocable until used.</summary>
public abstract class InvitationStoreContract : StoreContract
{
    [Test]
    public async Task A_created_invitation_reads_back_by_id_and_by_token_hash()
    {
        var invitation = await SeedInvitationAsync();

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
        var older = await SeedInvitationAsync(vendor, createdAt: TestData.Now);
        var newer = await SeedInvitationAsync(vendor, createdAt: TestData.Now.AddHours(1));
        await SeedInvitationAsync();

        var listed = await Database.Invitations.ListAsync(vendor.Id);

        Assert.That(listed.Select(i => i.Id), Is.EqualTo(new[] { newer.Id, older.Id }));
    }

    [Test]
    public async Task A_link_is_claimed_once_and_only_while_open()
    {
        var invitation = await SeedInvitationAsync();
        var at = TestData.Now.AddMinutes(5);

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Database.Invitations.ClaimAsync(invitation.Id, at))));

        Assert.That(claims.Count(c => c), Is.EqualTo(1));
        Assert.That((await Database.Invitations.GetAsync(invitation.Id))!.StateAt(at), Is.EqualTo(InvitationState.Used));
    }

    [Test]
    public async Task An_expired_or_revoked_link_cannot_be_claimed()
    {
        var expired = await SeedInvitationAsync();
        var revoked = await SeedInvitationAsync();

        var revokedNow = await Database.Invitations.RevokeAsync(revoked.Id, revoked.VendorId, TestData.Now.AddMinutes(1));

        Assert.That(revokedNow, Is.True);
        Assert.That(await Database.Invitations.ClaimAsync(expired.Id, expired.ExpiresAt), Is.False);
        Assert.That(await Database.Invitations.ClaimAsync(revoked.Id, TestData.Now.AddMinutes(2)), Is.False);
    }

    [Test]
    public async Task Only_an_unused_invitation_of_that_vendor_can_be_revoked()
    {
        var invitation = await SeedInvitationAsync();
        var other = await SeedVendorAsync("Other");

        Assert.That(await Database.Invitations.RevokeAsync(invitation.Id, other.Id, TestData.Now), Is.False);
        Assert.That(await Database.Invitations.ClaimAsync(invitation.Id, TestData.Now), Is.True);
        Assert.That(await Database.Invitations.RevokeAsync(invitation.Id, invitation.VendorId, TestData.Now), Is.False);
    }

    [Test]
    public async Task A_released_claim_can_be_taken_again_but_a_completed_one_cannot()
    {
        var invitation = await SeedInvitationAsync();
        var user = await SeedUserAsync();
        await Database.Invitations.ClaimAsync(invitation.Id, TestData.Now);

        await Database.Invitations.ReleaseAsync(invitation.Id);
        var reclaimed = await Database.Invitations.ClaimAsync(invitation.Id, TestData.Now);
        await Database.Invitations.CompleteAsync(invitation.Id, user.Id);
        await Database.Invitations.ReleaseAsync(invitation.Id);

        var stored = await Database.Invitations.GetAsync(invitation.Id);
        Assert.That(reclaimed, Is.True);
        Assert.That((stored!.UsedAt, stored.UsedBy), Is.EqualTo(((DateTimeOffset?)TestData.Now, (Guid?)user.Id)));
    }

    private async Task<VendorInvitation> SeedInvitationAsync(Core.Vendors.Vendor? vendor = null, DateTimeOffset? createdAt = null)
    {
        vendor ??= await SeedVendorAsync();
        var creator = await SeedUserAsync();
        var created = createdAt ?? TestData.Now;
        var invitation = new VendorInvitation(
            Guid.NewGuid(), vendor.Id, "security@vendor.example", Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()),
            creator.Id, created, TestData.Now.AddDays(7), null, null, null);
        await Database.Invitations.CreateAsync(invitation);
        return invitation;
    }
}
