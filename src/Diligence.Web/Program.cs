using Diligence.Web.Audit;
using Diligence.Web.Exports;
using Diligence.Web.Hosting;
using Diligence.Web.Library;
using Diligence.Web.Reviews;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
builder.AddStorage();
builder.AddKeyStorage();
builder.AddAccounts();
builder.AddReviews();
builder.AddLibrary();
builder.AddWebUi();
builder.AddAudit();
builder.AddReports();
builder.AddJobs();
builder.AddTelemetry();

var app = builder.Build();
// A bad setting or an unreachable database ends start-up with its message and exit code 1, never a stack trace.
try
{
    await app.PrepareAsync();
    app.UseWebUi();
    app.MapHealth();
    app.MapAutosave();
    app.MapReviewExport();
    app.MapAuditExports();
    app.MapExports();
    app.MapJobsDashboard();
    await app.RunAsync();
    return 0;
}
catch (OptionsValidationException exception)
{
    foreach (var failure in exception.Failures)
    {
        await Console.Error.WriteLineAsync($"diligence: {failure}");
    }
    return 1;
}
catch (StartupException exception)
{
    await Console.Error.WriteLineAsync($"diligence: {exception.Message}");
    return 1;
}

/// <summary>Entry point; public so WebApplicationFactory can host the app in tests.</summary>
public partial class Program;
