using System.Diagnostics;
using System.Security.Claims;
using Diligence.Core.Audit;
using Diligence.Data;
using Diligence.Web.Hosting;

namespace Diligence.Web.Audit;

public sealed class AuditTrail(IAuditStore store, IHttpContextAccessor http, TimeProvider clock) : IAuditTrail
{
    public const string System = "system";
    public const string Anonymous = "anonymous";

    // Long enough for any e-mail address or summary; a hostile value cannot bloat the log.
    private const int MaxFieldLength = 1000;

    public async Task RecordAsync(AuditRecord record, CancellationToken ct)
    {
        var entry = Describe(record);
        using var activity = DiligenceTelemetry.Source.StartActivity("audit.append");
        activity?.SetTag("audit.action", record.Action);
        var started = Stopwatch.GetTimestamp();
        await store.AppendAsync(entry, ct);
        DiligenceTelemetry.AuditAppendMilliseconds.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        Written(record.Action);
    }

    public AuditEntry Describe(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var context = http.HttpContext;
        var user = context?.User;
        var signedIn = user?.Identity?.IsAuthenticated == true;
        var actor = record.Actor ?? (context is null ? System : signedIn ? user!.FindFirstValue(ClaimTypes.Email) ?? Anonymous : Anonymous);
        var role = record.Role ?? (context is null ? System : signedIn ? user!.FindFirstValue(ClaimTypes.Role) ?? Anonymous : Anonymous);
        return new AuditEntry(
            clock.GetUtcNow(),
            Clip(actor)!,
            Clip(role)!,
            record.Action,
            Clip(record.ResourceType)!,
            Clip(record.ResourceId)!,
            Clip(record.Before),
            Clip(record.After),
            context?.Connection.RemoteIpAddress?.ToString(),
            context?.TraceIdentifier);
    }

    public void Written(string action) =>
        DiligenceTelemetry.AuditEvents.Add(1, new KeyValuePair<string, object?>("action", action));

    private static string? Clip(string? value) => value is { Length: > MaxFieldLength } ? value[..MaxFieldLength] : value;
}
