using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diligence.Web.Hosting;

/// <summary>
/// Who is answered with RFC 7807 problem details rather than an HTML page: scripts that ask for JSON, and every endpoint
/// that is not a Razor page (autosave, exports, health).
/// </summary>
public static class ApiCallers
{
    public static bool WantProblemDetails(HttpContext context, Endpoint? endpoint) =>
        context.Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true)
        || (endpoint is not null && endpoint.Metadata.GetMetadata<PageActionDescriptor>() is null);
}
