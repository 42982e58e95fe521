using Diligence.Core.Accounts;
using Diligence.Web.Accounts;
using Hangfire.Dashboard;

namespace Diligence.Web.Exports;

/// <summary>The Hangfire dashboard is for signed-in Admins only (the route also requires the Admin policy).</summary>
public sealed class AdminDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.GetHttpContext().User;
        return user.Identity?.IsAuthenticated == true && user.IsIn(Role.Admin);
    }
}
