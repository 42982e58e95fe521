using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Diligence.Web.Hosting;

/// <summary>
/// The app's own traces and metrics: audit appends, chain checks, export renders and downloads, beside the framework's
/// request spans and the data layer's (<see cref="Diligence.Data.DataTelemetry"/>).
/// </summary>
public static class DiligenceTelemetry
{
    public const string Name = "Diligence";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter _meter = new(Name);

    public static readonly Counter<long> AuditEvents = _meter.CreateCounter<long>("diligence.audit.events", description: "Audit events written.");

    public static readonly Histogram<double> AuditAppendMilliseconds =
        _meter.CreateHistogram<double>("diligence.audit.append.duration", "ms", "Time to append one audit event.");

    public static readonly Counter<long> Exports = _meter.CreateCounter<long>("diligence.exports", description: "Exports downloaded.");

    public static readonly Histogram<double> ExportRenderMilliseconds =
        _meter.CreateHistogram<double>("diligence.export.render.duration", "ms", "Time to compose and render one export, by outcome.");
}
