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
    // Every ValidateOnStart option is checked here, before the host starts and would log the failure with a stack trace.
    app.Services.GetService<IStartupValidator>()?.Validate();
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
catch (Exception exception) when (exception is OptionsValidationException
    || (exception is AggregateException all && all.InnerExceptions.All(e => e is OptionsValidationException)))
{
    var failures = exception is AggregateException aggregate ? aggregate.InnerExceptions : [exception];
    foreach (var failure in failures.Cast<OptionsValidationException>().SelectMany(e => e.Failures))
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
