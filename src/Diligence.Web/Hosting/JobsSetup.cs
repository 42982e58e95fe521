using Diligence.Data;
using Diligence.Web.Accounts;
using Diligence.Web.Exports;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.Options;

namespace Diligence.Web.Hosting;

public static class JobsSetup
{
    public const string DashboardPath = "/hangfire";

    /// <summary>
    /// Hangfire for export jobs: in memory for the embedded SQLite set-up (the exports table is the durable queue, and
    /// the dispatcher refills Hangfire from it after a restart), SQL Server storage beside the data when the provider
    /// is SQL Server. Each node runs <see cref="JobsOptions.Workers"/> workers and the dispatcher, unless RunJobs is off.
    /// </summary>
    public static WebApplicationBuilder AddJobs(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<JobsOptions>()
            .BindConfiguration(JobsOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var provider = builder.Configuration[$"{StorageOptions.SectionName}:{nameof(StorageOptions.Provider)}"];
        var sqlServer = string.Equals(provider, StorageProviders.SqlServer, StringComparison.OrdinalIgnoreCase);
        var connectionString = builder.Configuration.GetConnectionString("Diligence");
        builder.Services.AddHangfire(hangfire =>
        {
            hangfire
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (sqlServer)
            {
                hangfire.UseSqlServerStorage(connectionString);
            }
            else
            {
                hangfire.UseInMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromHours(1) });
            }
        });
        builder.Services.AddSingleton<ExportQueue>();
        builder.Services.AddScoped<ExportRequests>();
        builder.Services.AddScoped<ReviewWriteUpSource>();
        builder.Services.AddScoped<ExportJob>();

        var jobs = builder.Configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        if (jobs.RunJobs)
        {
            builder.Services.AddHangfireServer((services, server) =>
            {
                var options = services.GetRequiredService<IOptions<JobsOptions>>().Value;
                server.WorkerCount = options.Workers;
                server.ServerName = options.EffectiveNodeId;
            });
            builder.Services.AddHostedService<ExportDispatcher>();
        }
        return builder;
    }

    /// <summary>The Hangfire dashboard, for Admins: the route requires the Admin policy and the dashboard checks the role again.</summary>
    public static WebApplication MapJobsDashboard(this WebApplication app)
    {
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [new AdminDashboardAuthorization()],
            DisplayStorageConnectionString = false,
            AppPath = "/",
        }).RequireAuthorization(Policies.Admin);
        return app;
    }
}
