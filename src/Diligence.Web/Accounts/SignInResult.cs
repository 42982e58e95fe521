using System.Security.Claims;

namespace Diligence.Web.Accounts;

/// <summary>The outcome of checking credentials: a principal to sign in, or the message the user sees.</summary>
public sealed record SignInResult(ClaimsPrincipal? Principal, string? Error)
{
    public static SignInResult Failed(string error) => new(null, error);
}
