using Diligence.Web.Audit;
using Diligence.Web.Exports;
using Diligence.Web.Hosting;
using Diligence.Web.Library;
using Diligence.Web.Reviews;

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
await app.PrepareAsync();
app.UseWebUi();
app.MapHealth();
app.MapAutosave();
app.MapReviewExport();
app.MapAuditExports();
app.MapExports();
app.MapJobsDashboard();
app.Run();

/// <summary>Entry point; public so WebApplicationFactory can host the app in tests.</summary>
public partial class Program;
