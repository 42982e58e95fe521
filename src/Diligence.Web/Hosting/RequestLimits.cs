using Microsoft.AspNetCore.Http.Features;

namespace Diligence.Web.Hosting;

/// <summary>
/// One body-size limit for every request, whatever the server: Kestrel enforces it while reading, and a declared
/// length over it is refused before anything reads the body.
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
            if (context.Request.ContentLength > MaxBodyBytes)
            {
                await Results.Problem(title: "The request is too large.", statusCode: StatusCodes.Status413PayloadTooLarge)
                    .ExecuteAsync(context);
                return;
            }
            await next();
        });
}
