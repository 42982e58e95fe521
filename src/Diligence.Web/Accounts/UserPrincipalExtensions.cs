using System.Security.Claims;
using Diligence.Core.Accounts;

namespace Diligence.Web.Accounts;

public static class UserPrincipalExtensions
{
    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("The request is not signed in."));

    public static Guid? VendorId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(DiligenceClaimTypes.VendorId), out var id) ? id : null;

    /// <summary>The session the request runs in; null only outside a signed-in request.</summary>
    public static Guid? SessionId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(DiligenceClaimTypes.SessionId), out var id) ? id : null;

    public static bool IsIn(this ClaimsPrincipal user, Role role) => user.IsInRole(role.ToString());
}
