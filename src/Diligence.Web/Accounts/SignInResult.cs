using System.Security.Claims;
using Diligence.Web.Audit;

namespace Diligence.Web.Accounts;

/// <summary>
/// The outcome of checking credentials: a principal to sign in with the audit event its session commits, or the message
/// the user sees.
/// </summary>
public sealed record SignInResult(ClaimsPrincipal? Principal, string? Error, AuditRecord? SignedIn = null)
{
    public static SignInResult Failed(string error) => new(null, error);
}
