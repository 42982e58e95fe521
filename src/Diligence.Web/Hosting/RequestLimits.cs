using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Diligence.Web.Hosting;

/// <summary>
/// One body-size limit for every request, whatever the server: Kestrel enforces it while reading, and a declared
/// length over it is refused before anything reads the body. A body that cannot be read (a value over the limit) is the
/// client's error, answered 400, not a server error.
/// </summary>
public static class RequestLimits
{
    public const long MaxBodyBytes = 1024 * 1024;

    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxBodyBytes);
        builder.Services.Configure<FormOptions>(form =>
        {
            form.MultipartBodyLengthLimit = MaxBodyBytes;
            form.ValueLengthLimit = (int)MaxBodyBytes;
            form.ValueCountLimit = 2048;
        });
        return builder;
    }

    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // The error page re-executes the refused request (its declared length unchanged) and must get through.
            if (context.Request.ContentLength > MaxBodyBytes && context.Features.Get<IStatusCodeReExecuteFeature>() is null)
            {
                await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, "The request is too large.");
                return;
            }
            try
            {
                await next();
            }
            catch (Exception exception) when (IsUnreadableBody(exception) && !context.Response.HasStarted)
            {
                context.Response.Clear();
                await RefuseAsync(context, StatusCodes.Status400BadRequest, "The request body could not be read.");
            }
        });

    // Scripts get problem details; a browser gets the error page, re-executed by the status-code pages (which never read
    // the body).
    private static async Task RefuseAsync(HttpContext context, int status, string title)
    {
        context.Response.StatusCode = status;
        if (ApiCallers.WantProblemDetails(context, context.GetEndpoint()))
        {
            await Results.Problem(title: title, statusCode: status).ExecuteAsync(context);
        }
    }

    // MVC wraps the form reader's exception (in a value-provider or antiforgery exception), so the chain is searched.
    private static bool IsUnreadableBody(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is InvalidDataException or BadHttpRequestException)
            {
                return true;
            }
        }
        return false;
    }
}
