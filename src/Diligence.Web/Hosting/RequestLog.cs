using System.Diagnostics;

namespace Diligence.Web.Hosting;

/// <summary>
/// One log line per request naming its route pattern, never its path or query: invitation links carry their token in
/// the path and set-up links in the query, and the framework's own request logs and request scope would write them
/// out (so that category is switched off in <see cref="TelemetrySetup"/>). Every line written while handling the request
/// carries its request id.
/// </summary>
public static partial class RequestLog
{
    public static IApplicationBuilder UseRequestLog(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RequestLog).FullName!);
        return app.Use(async (context, next) =>
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { } pattern ? "/" + pattern.TrimStart('/') : "(no route)";
            using var scope = logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = context.TraceIdentifier, ["Route"] = route });
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next();
            }
            finally
            {
                Answered(logger, context.Request.Method, route, context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Route} answered {StatusCode} in {ElapsedMilliseconds:0.0} ms")]
    private static partial void Answered(ILogger logger, string method, string route, int statusCode, double elapsedMilliseconds);
}
