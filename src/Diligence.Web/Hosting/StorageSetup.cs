using Diligence.Data;
using Diligence.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Diligence.Web.Hosting;

public static class StorageSetup
{
    /// <summary>The stores over the configured provider; a bad setting stops start-up naming the key.</summary>
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.Provider == StorageProviders.Sqlite,
                $"{StorageOptions.SectionName}:Provider must be '{StorageProviders.Sqlite}' (SQL Server support arrives with its provider).")
            .ValidateOnStart();

        builder.Services.AddSingleton(sp => new SqliteStorage(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        builder.Services.AddSingleton(sp => sp.GetRequiredService<SqliteStorage>().Vendors);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<SqliteStorage>().Questionnaires);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<SqliteStorage>().Reviews);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<SqliteStorage>().Answers);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<SqliteStorage>().AnswerImports);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<SqliteStorage>().Findings);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<SqliteStorage>().Users);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<SqliteStorage>().Invitations);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<SqliteStorage>().Libraries);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<SqliteStorage>().Provenance);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<SqliteStorage>().VendorRequests);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<SqliteStorage>().Health);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<SqliteStorage>().Migrations);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<SqliteStorage>().Audit);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<SqliteStorage>().DataProtectionKeys);
        return builder;
    }

    /// <summary><c>/healthz</c> for load balancers: 200 when the database answers and every migration is applied.</summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapGet("/healthz", async (IDatabaseHealth health, CancellationToken ct) =>
        {
            var status = await health.GetStatusAsync(ct);
            var body = new
            {
                status = status.Healthy ? "healthy" : "unhealthy",
                database = status.Reachable ? "reachable" : "unreachable",
                migrations = new { applied = status.Applied.Count, pending = status.Pending },
            };
            return status.Healthy ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous();
        return app;
    }
}
