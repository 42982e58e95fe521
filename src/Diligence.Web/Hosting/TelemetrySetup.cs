using Diligence.Data;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Diligence.Web.Hosting;

public static class TelemetrySetup
{
    public const string OtlpEndpointKey = "Telemetry:OtlpEndpoint";

    /// <summary>
    /// JSON console logs with scopes (request id, trace id) unless <c>Logging:Format</c> is "text"; OpenTelemetry traces
    /// and metrics over OTLP only when <c>Telemetry:OtlpEndpoint</c> is set.
    /// </summary>
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        // Its request lines and request scope hold the raw path and query, where invitation and set-up tokens travel;
        // RequestLog writes the same facts by route pattern instead.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        if (!string.Equals(builder.Configuration["Logging:Format"], "text", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddJsonConsole(json =>
            {
                json.IncludeScopes = true;
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            });
        }
        if (builder.Configuration[OtlpEndpointKey] is not { Length: > 0 } configured
            || !Uri.TryCreate(configured, UriKind.Absolute, out var endpoint))
        {
            return builder;
        }
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("diligence"))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddSource(DiligenceTelemetry.Name, DataTelemetry.Name)
                .AddOtlpExporter(otlp => otlp.Endpoint = endpoint))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(DiligenceTelemetry.Name)
                .AddOtlpExporter(otlp => otlp.Endpoint = endpoint));
        return builder;
    }
}
