using Diligence.Data;
using Diligence.Data.Sqlite;
using Diligence.Web.Audit;
using Diligence.Web.Exports;
using Diligence.Data.SqlServer;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Options;

namespace Diligence.Web.Hosting;

public static class StorageSetup
{
    /// <summary>The configuration key of the SQL Server connection string.</summary>
    public const string ConnectionStringKey = "ConnectionStrings:" + ConnectionStringName;

    private const string ConnectionStringName = "Diligence";

    private const string ProviderKey = StorageOptions.SectionName + ":" + nameof(StorageOptions.Provider);

    /// <summary>The stores over the configured provider; a bad setting stops start-up naming the key.</summary>
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) =>
                options.ConnectionString = configuration.GetConnectionString(ConnectionStringName))
            .ValidateDataAnnotations()
            .Validate(o => string.IsNullOrEmpty(o.Provider) || IsSqlite(o) || IsSqlServer(o),
                $"{ProviderKey} must be '{StorageProviders.Sqlite}' or '{StorageProviders.SqlServer}'.")
            .Validate(o => !IsSqlServer(o) || !string.IsNullOrWhiteSpace(o.ConnectionString),
                $"{ConnectionStringKey} must be set when {ProviderKey} is '{StorageProviders.SqlServer}'.")
            .Validate(o => !IsSqlServer(o) || string.IsNullOrWhiteSpace(o.ConnectionString) || IsReadable(o.ConnectionString),
                $"{ConnectionStringKey} is not a valid SQL Server connection string.")
            .ValidateOnStart();

        builder.Services.AddSingleton<AuditKeySource>();
        builder.Services.AddSingleton<IStorage>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var auditKey = sp.GetRequiredService<AuditKeySource>().Key;
            return IsSqlServer(options)
                ? new SqlServerStorage(options.ConnectionString!, auditKey: auditKey)
                : new SqliteStorage(options, auditKey);
        });
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IStorage>() as SqliteStorage
            ?? throw new InvalidOperationException($"{ProviderKey} is not '{StorageProviders.Sqlite}'."));
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IStorage>().Vendors);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IStorage>().Questionnaires);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IStorage>().Reviews);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IStorage>().Answers);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IStorage>().AnswerImports);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IStorage>().Findings);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IStorage>().Users);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IStorage>().Sessions);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IStorage>().Invitations);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IStorage>().Libraries);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IStorage>().Provenance);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IStorage>().VendorRequests);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IStorage>().Health);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IStorage>().Migrations);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IStorage>().Audit);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IStorage>().Exports);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IStorage>().DataProtectionKeys);
        return builder;
    }

    /// <summary>
    /// Applies pending migrations; a database that cannot be reached or migrated stops start-up with one message saying
    /// which setting to check, instead of a driver stack trace.
    /// </summary>
    public static async Task<IReadOnlyList<string>> MigrateStorageAsync(this IServiceProvider services)
    {
        var storage = services.GetRequiredService<IStorage>();
        try
        {
            return await storage.Migrations.MigrateAsync();
        }
        catch (SqlException exception) when (storage is SqlServerStorage sqlServer)
        {
            throw new StartupException(SqlServerConnectionFailure.Describe(
                exception.Number, exception.Class, sqlServer.Connections.Server, sqlServer.Connections.Database,
                exception.Message, ConnectionStringKey), exception);
        }
        catch (InvalidOperationException exception) when (exception.InnerException is SqlException)
        {
            throw new StartupException($"The database schema could not be brought up to date: {exception.Message}", exception);
        }
    }

    /// <summary>
    /// <c>/healthz</c> for load balancers: 200 when the database answers, every migration is applied and Chromium is
    /// there to render exports (when it is not, the body says so, naming the <c>chromium</c> package).
    /// </summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapGet("/healthz", async (IDatabaseHealth health, ChromiumHealth chromium, CancellationToken ct) =>
        {
            var status = await health.GetStatusAsync(ct);
            var chromiumProblem = chromium.Problem();
            var healthy = status.Healthy && chromiumProblem is null;
            var body = new
            {
                status = healthy ? "healthy" : "unhealthy",
                database = status.Reachable ? "reachable" : "unreachable",
                migrations = new { applied = status.Applied.Count, pending = status.Pending },
                chromium = chromiumProblem ?? "found",
            };
            return healthy ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous();
        return app;
    }

    private static bool IsSqlite(StorageOptions options) =>
        string.Equals(options.Provider, StorageProviders.Sqlite, StringComparison.OrdinalIgnoreCase);

    private static bool IsSqlServer(StorageOptions options) =>
        string.Equals(options.Provider, StorageProviders.SqlServer, StringComparison.OrdinalIgnoreCase);

    private static bool IsReadable(string connectionString)
    {
        try
        {
            _ = new SqlConnectionStringBuilder(connectionString);
            return true;
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException)
        {
            return false;
        }
    }
}
