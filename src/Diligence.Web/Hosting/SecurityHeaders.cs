namespace Diligence.Web.Hosting;

/// <summary>
/// Headers every response carries: no inline script, no framing, no sniffing, no referrer leaks. Every download (a
/// response with a Content-Disposition) is also kept out of every cache, shared or the browser's own: answers, write-ups
/// and audit logs are confidential, so a download added later is covered without remembering to say so.
/// </summary>
public static class SecurityHeaders
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                if (headers.ContentDisposition.Count > 0)
                {
                    headers.CacheControl = "private, no-store";
                }
                return Task.CompletedTask;
            });
            await next();
        });
}
