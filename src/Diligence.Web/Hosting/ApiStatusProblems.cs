namespace Diligence.Web.Hosting;

/// <summary>
/// An API caller refused with an empty 4xx/5xx (401 from the cookie handler, 404 from an endpoint) gets RFC 7807 problem
/// details instead of the HTML error page the status-code pages would re-execute.
/// </summary>
public static class ApiStatusProblems
{
    /// <summary>Right after the status-code pages, so a body written here stops them re-executing the error page.</summary>
    public static IApplicationBuilder UseProblemDetailsForApiStatusCodes(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            await next();
            var response = context.Response;
            if (response.StatusCode >= 400 && !response.HasStarted && response.ContentLength is null
                && string.IsNullOrEmpty(response.ContentType) && ApiCallers.WantProblemDetails(context, context.GetEndpoint()))
            {
                await context.RequestServices.GetRequiredService<IProblemDetailsService>()
                    .TryWriteAsync(new ProblemDetailsContext { HttpContext = context });
            }
        });
}
