using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Diligence.Web.Hosting;

/// <summary>
/// An unhandled exception on an API call becomes a plain 500 problem: title, detail and request id, never the exception's
/// message or stack trace. Page callers fall through to the error page.
/// </summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public const string Title = "Something went wrong";
    public const string Detail = "The request could not be completed. Nothing was half-saved; try again.";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!ApiCallers.WantProblemDetails(httpContext, httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint))
        {
            return false;
        }
        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        // The exception is deliberately not handed to the writer: nothing of it may reach the caller.
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = Title, Detail = Detail },
        });
    }
}
