using System.Security.Claims;
using Diligence.Core.Accounts;
using Diligence.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Diligence.Web.Accounts;

public sealed class SignInService(
    IUserStore users,
    IPasswordHasher<UserAccount> hasher,
    IOptions<AccountOptions> options,
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
            return SignInResult.Failed(InvalidCredentials);
        }
        var now = clock.GetUtcNow();
        if (user.LockedUntil is { } until && until > now)
        {
            return SignInResult.Failed(LockedOut);
        }
        var verdict = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            var settings = options.Value;
            var lockUntil = user.FailedSignIns + 1 >= settings.MaxFailedSignIns
                ? now.AddMinutes(settings.LockoutMinutes)
                : (DateTimeOffset?)null;
            await users.RecordFailedSignInAsync(user.Id, lockUntil, ct);
            return SignInResult.Failed(lockUntil is null ? InvalidCredentials : LockedOut);
        }
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user = user with { PasswordHash = hasher.HashPassword(user, password) };
            await users.UpdateAsync(user, ct);
        }
        await users.ResetFailedSignInsAsync(user.Id, ct);
        return new SignInResult(CreatePrincipal(user), null);
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
