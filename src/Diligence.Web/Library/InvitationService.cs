using System.Security.Cryptography;
using System.Text;
using Diligence.Core.Accounts;
using Diligence.Core.Audit;
using Diligence.Core.Vendors;
using Diligence.Data;
using Diligence.Web.Accounts;
using Diligence.Web.Audit;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Diligence.Web.Library;

/// <summary>
/// Invitation links for vendor contacts: a reviewer creates one (single use, expiring, revocable); the contact opens it,
/// sets a password and becomes a Vendor user bound to that vendor.
/// </summary>
public sealed class InvitationService(
    IInvitationStore invitations,
    IVendorStore vendors,
    UserAdministration users,
    IAuditTrail audit,
    IOptions<LibraryOptions> options,
    TimeProvider clock)
{
    public const string EmailInvalid = "Enter the contact's e-mail address, like name@example.com.";

    /// <summary>The invitation and the token for its link (shown once; only its hash is stored), or null for an unknown vendor.</summary>
    public async Task<(VendorInvitation? Invitation, string? Token, string? Error)> CreateAsync(
        Guid vendorId, string? email, Guid createdBy, CancellationToken ct)
    {
        if (await vendors.GetAsync(vendorId, ct) is null)
        {
            return (null, null, null);
        }
        var address = email?.Trim() ?? "";
        if (address.Length is < 3 or > 254 || !address.Contains('@', StringComparison.Ordinal) || address.Any(char.IsWhiteSpace))
        {
            return (null, null, EmailInvalid);
        }
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var invitation = new VendorInvitation(
            Guid.NewGuid(), vendorId, address, HashOf(token), createdBy, now, now.AddDays(options.Value.InvitationDays),
            RevokedAt: null, UsedAt: null, UsedBy: null);
        // The e-mail, never the token: the token is a credential.
        var record = new AuditRecord(AuditActions.InvitationCreated, AuditResources.Invitation,
            invitation.Id.ToString(), After: $"vendor={vendorId} email={address}");
        await invitations.CreateAsync(invitation, audit.Describe(record), ct);
        audit.Written(record.Action);
        return (invitation, token, null);
    }

    public async Task<bool> RevokeAsync(Guid vendorId, Guid invitationId, CancellationToken ct)
    {
        var record = new AuditRecord(AuditActions.InvitationRevoked, AuditResources.Invitation, invitationId.ToString(), After: $"vendor={vendorId}");
        var revoked = await invitations.RevokeAsync(invitationId, vendorId, clock.GetUtcNow(), audit.Describe(record), ct);
        if (revoked)
        {
            audit.Written(record.Action);
        }
        return revoked;
    }

    /// <summary>The invitation a link names, with its state now; null for a token that names none.</summary>
    public async Task<(VendorInvitation Invitation, InvitationState State)?> LookupAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100 || await invitations.FindByTokenHashAsync(HashOf(token), ct) is not { } invitation)
        {
            return null;
        }
        return (invitation, invitation.StateAt(clock.GetUtcNow()));
    }

    /// <summary>
    /// Creates the vendor user for an open invitation: the invitation's use and the account are written in one
    /// transaction. Field errors leave the invitation open; a link that is no longer open (used meanwhile, expired,
    /// revoked) gives its state and creates nothing.
    /// </summary>
    public async Task<InvitationAcceptance> AcceptAsync(string? token, string? displayName, string? password, CancellationToken ct)
    {
        if (await LookupAsync(token, ct) is not var (invitation, state))
        {
            return new InvitationAcceptance(null, null, new Dictionary<string, string>());
        }
        if (state != InvitationState.Open)
        {
            return new InvitationAcceptance(null, state, new Dictionary<string, string>());
        }
        var (user, errors) = await users.PrepareAsync(new NewUser(invitation.Email, displayName, password, Role.Vendor, invitation.VendorId), ct);
        if (user is null)
        {
            return new InvitationAcceptance(null, null, errors);
        }
        var record = new AuditRecord(AuditActions.InvitationUsed, AuditResources.Invitation,
            invitation.Id.ToString(), After: $"user={user.Id} {UserAdministration.SummaryOf(user)}", Actor: user.Email, Role: nameof(Role.Vendor));
        try
        {
            if (!await invitations.AcceptAsync(invitation.Id, user, clock.GetUtcNow(), audit.Describe(record), ct))
            {
                var now = (await invitations.GetAsync(invitation.Id, ct))?.StateAt(clock.GetUtcNow()) ?? InvitationState.Used;
                return new InvitationAcceptance(null, now, new Dictionary<string, string>());
            }
        }
        catch (DuplicateEmailException)
        {
            return new InvitationAcceptance(null, null, new Dictionary<string, string> { [nameof(NewUser.Email)] = UserAdministration.EmailTaken });
        }
        audit.Written(record.Action);
        return new InvitationAcceptance(user, InvitationState.Used, errors);
    }

    private static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
