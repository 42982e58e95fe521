using System.Security.Claims;
using Diligence.Core.Accounts;
using Diligence.Core.Audit;
using Diligence.Data;
using Diligence.Web.Audit;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Diligence.Web.Accounts;

public sealed class SignInService(
    IUserStore users,
    IPasswordHasher<UserAccount> hasher,
    IOptions<AccountOptions> options,
    IAuditTrail audit,
    TimeProvider clock)
{
    // One message for unknown e-mail and wrong password, so sign-in does not reveal who has an account.
    public const string InvalidCredentials = "The e-mail address or password is not correct.";
    public const string LockedOut = "Too many failed attempts. Try again later.";

    public async Task<SignInResult> CheckAsync(string email, string password, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(email.Trim(), ct);
        if (user is null || user.Disabled)
        {
            return await FailedAsync(email.Trim(), user, user is null ? "unknown account" : "disabled", InvalidCredentials, ct);
        }
        var now = clock.GetUtcNow();
        if (user.LockedUntil is { } until && until > now)
        {
            return await FailedAsync(user.Email, user, "locked", LockedOut, ct);
        }
        var verdict = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            var settings = options.Value;
            var lockUntil = user.FailedSignIns + 1 >= settings.MaxFailedSignIns
                ? now.AddMinutes(settings.LockoutMinutes)
                : (DateTimeOffset?)null;
            var failures = await users.RecordFailedSignInAsync(user.Id, lockUntil, ct);
            return lockUntil is null
                ? await FailedAsync(user.Email, user, $"wrong password failures={failures}", InvalidCredentials, ct)
                : await FailedAsync(user.Email, user, $"wrong password failures={failures} locked", LockedOut, ct);
        }
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user = user with { PasswordHash = hasher.HashPassword(user, password) };
            await users.UpdateAsync(user, cancellationToken: ct);
        }
        await users.ResetFailedSignInsAsync(user.Id, ct);
        await audit.RecordAsync(new AuditRecord(
            AuditActions.SignIn, AuditResources.User, user.Id.ToString(), Actor: user.Email, Role: user.Role.ToString()), ct);
        return new SignInResult(CreatePrincipal(user), null);
    }

    // The address tried is the actor: for an unknown account it is all there is to tell who tried.
    private async Task<SignInResult> FailedAsync(string email, UserAccount? user, string reason, string message, CancellationToken ct)
    {
        await audit.RecordAsync(new AuditRecord(
            AuditActions.SignInFailed, AuditResources.User, user?.Id.ToString() ?? "unknown", After: reason,
            Actor: email, Role: AuditTrail.Anonymous), ct);
        return SignInResult.Failed(message);
    }

    public static ClaimsPrincipal CreatePrincipal(UserAccount user)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(ClaimTypes.Name, user.DisplayName),
            new(ClaimTypes.Email, user.Email),
            new(ClaimTypes.Role, user.Role.ToString()),
        };
        if (user.VendorId is { } vendorId)
        {
            claims.Add(new Claim(DiligenceClaimTypes.VendorId, vendorId.ToString()));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }
}
