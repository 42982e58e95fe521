using System.Security.Claims;
using Diligence.Core.Accounts;
using Diligence.Core.Audit;
using Diligence.Data;
using Diligence.Web.Audit;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Diligence.Web.Accounts;

/// <summary>
/// Checks credentials so that the answer reveals nothing about who has an account: every attempt verifies one password
/// hash (a decoy's when the address has no account), every failure gives the same message and is counted the same way,
/// per e-mail address tried and client, with waits that grow (<see cref="SignInBackoff"/>). Guessing from one client
/// slows only that client, so nobody can keep another person locked out from elsewhere.
/// </summary>
public sealed class SignInService(
    IUserStore users,
    IPasswordHasher<UserAccount> hasher,
    DecoyPasswordHash decoy,
    IOptions<AccountOptions> options,
    IAuditTrail audit,
    TimeProvider clock)
{
    public const string InvalidCredentials =
        "The e-mail address or password is not correct, or too many attempts failed and sign-in is paused for a few minutes.";

    /// <summary>Signs in with <paramref name="email"/> and <paramref name="password"/> from <paramref name="client"/> (see <see cref="FailedAttemptLimit.ClientOf"/>).</summary>
    public async Task<SignInResult> CheckAsync(string email, string password, string client, CancellationToken ct)
    {
        email = email.Trim();
        var now = clock.GetUtcNow();
        var blockedUntil = await users.SignInBlockedUntilAsync(email, client, now, ct);
        var user = await users.FindByEmailAsync(email, ct);
        var verdict = user is null ? decoy.Verify(password) : hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        var refusal = (user, blockedUntil) switch
        {
            (_, not null) => "waiting",
            (null, _) => "unknown account",
            ({ Disabled: true }, _) => "disabled",
            _ when verdict == PasswordVerificationResult.Failed => "wrong password",
            _ => null,
        };
        if (refusal is not null)
        {
            // An attempt while waiting is refused unchecked and not counted: it learns nothing, so it need not lengthen the wait.
            var waitUntil = blockedUntil ?? await users.RecordFailedSignInAsync(email, client, options.Value.Backoff, now, ct);
            // The address tried is the actor: for an unknown account it is all there is to tell who tried.
            await audit.RecordAsync(new AuditRecord(
                AuditActions.SignInFailed, AuditResources.User, user?.Id.ToString() ?? "unknown",
                After: waitUntil is { } until ? $"{refusal}; waits until {until.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}" : refusal,
                Actor: email, Role: AuditTrail.Anonymous), ct);
            return SignInResult.Failed(InvalidCredentials);
        }
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user = user! with { PasswordHash = hasher.HashPassword(user, password) };
            await users.UpdateAsync(user, cancellationToken: ct);
        }
        await users.ClearFailedSignInsAsync(email, client, ct);
        // The sign-in's event commits with the session it starts (SessionService.StartAsync), not here.
        return new SignInResult(CreatePrincipal(user!), null,
            new AuditRecord(AuditActions.SignIn, AuditResources.User, user!.Id.ToString(), Actor: user.Email, Role: user.Role.ToString()));
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
