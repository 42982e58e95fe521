using Diligence.Core.Answers;
using Diligence.Core.Audit;
using Diligence.Core.Definitions;
using Diligence.Core.Reviews;
using Diligence.Core.Vendors;
using Diligence.Data;
using Diligence.Web.Accounts;
using Diligence.Web.Audit;
using Diligence.Web.Reviews;
using Microsoft.Extensions.Options;

namespace Diligence.Web.Hosting;

/// <summary>
/// What must hold before the first request: migrations applied, shipped questionnaires published, sample vendors
/// present on a fresh database, and a first-run set-up link while nobody can sign in.
/// </summary>
public static class StartupData
{
    /// <summary>Who changed what start-up wrote: no account.</summary>
    public static readonly Guid SystemUser = Guid.Empty;

    public static async Task PrepareAsync(this WebApplication app)
    {
        var services = app.Services;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StartupData).FullName!);
        var migrations = await services.MigrateStorageAsync();
        if (migrations.Count > 0)
        {
            logger.LogInformation("Applied migrations: {Migrations}", string.Join(", ", migrations));
        }
        // Before anything is audited: a log written before keys is checked and keyed, and a keyed one must open with this key.
        var keyed = await services.GetRequiredService<IAuditStore>().KeyAsync();
        if (!keyed.IsIntact)
        {
            throw new StartupException(
                $"The audit log does not check out with the audit key, so nothing will be written to it: {keyed}. Check {AuditOptions.Section}:Key or {AuditOptions.Section}:KeyFile, and run 'diligence audit verify'.");
        }

        var folder = QuestionnaireFolder(app);
        // Outside a request the audit trail records the actor as "system".
        using var scope = services.CreateScope();
        var audit = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
        var published = folder is null ? [] : await PublishQuestionnairesAsync(services, audit, folder, logger);
        if (folder is not null && services.GetRequiredService<IOptions<QuestionnaireOptions>>().Value.SeedSampleVendors)
        {
            await SeedSampleVendorsAsync(services, audit, folder, published, logger);
        }

        if (await services.GetRequiredService<IUserStore>().CountAsync() == 0)
        {
            var token = services.GetRequiredService<FirstRunSetup>().Open();
            app.Lifetime.ApplicationStarted.Register(() => PrintSetupLink(app, token));
        }
    }

    private static string? QuestionnaireFolder(WebApplication app)
    {
        var configured = app.Services.GetRequiredService<IOptions<QuestionnaireOptions>>().Value.Directory;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Directory.Exists(configured)
                ? configured
                : throw new OptionsValidationException(QuestionnaireOptions.Section, typeof(QuestionnaireOptions),
                    [$"{QuestionnaireOptions.Section}:Directory '{configured}' does not exist."]);
        }
        for (var dir = new DirectoryInfo(app.Environment.ContentRootPath); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "questionnaires");
            if (File.Exists(Path.Combine(dir.FullName, "Diligence.sln")) && Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    private static async Task<IReadOnlyList<Questionnaire>> PublishQuestionnairesAsync(
        IServiceProvider services, IAuditTrail audit, string folder, ILogger logger)
    {
        var store = services.GetRequiredService<IQuestionnaireStore>();
        var published = new List<Questionnaire>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var result = QuestionnaireLoader.LoadFile(path);
            if (!result.Succeeded || result.Value is not { } questionnaire)
            {
                foreach (var diagnostic in result.Diagnostics)
                {
                    logger.LogError("Questionnaire not published: {Diagnostic}", diagnostic.ToString());
                }
                continue;
            }
            if (questionnaire.Status != QuestionnaireStatus.Published)
            {
                continue;
            }
            var yaml = await File.ReadAllTextAsync(path);
            var record = new AuditRecord(
                AuditActions.QuestionnairePublished, AuditResources.Questionnaire, $"{questionnaire.Id}@{questionnaire.Version}",
                After: $"hash={questionnaire.ContentHash}");
            bool isNew;
            try
            {
                isNew = await store.PublishAsync(
                    new StoredQuestionnaire(questionnaire.Id, questionnaire.Version, questionnaire.ContentHash, questionnaire.Title, yaml, DateTimeOffset.UtcNow),
                    audit.Describe(record));
            }
            catch (PublishedVersionChangedException exception)
            {
                // Reviews pin a version and its hash: a changed file must say it is a new version, never replace the old one.
                throw new StartupException($"{path}: {exception.Message} Raise 'version' in the file.", exception);
            }
            if (isNew)
            {
                audit.Written(record.Action);
                logger.LogInformation("Published questionnaire {Id} {Version}", questionnaire.Id, questionnaire.Version);
            }
            published.Add(questionnaire);
        }
        return published;
    }

    private static async Task SeedSampleVendorsAsync(
        IServiceProvider services, IAuditTrail audit, string folder, IReadOnlyList<Questionnaire> published, ILogger logger)
    {
        var vendors = services.GetRequiredService<IVendorStore>();
        var samples = Path.Combine(folder, "samples");
        if (!Directory.Exists(samples) || (await vendors.ListAsync()).Count > 0)
        {
            return;
        }
        foreach (var path in Directory.EnumerateFiles(samples, "*.answers.yaml").Order(StringComparer.Ordinal))
        {
            var header = AnswersLoader.ReadHeader(await File.ReadAllTextAsync(path));
            var questionnaire = published.FirstOrDefault(q => q.Id == header?.QuestionnaireId && q.Version == header.QuestionnaireVersion);
            if (questionnaire is null || AnswersLoader.LoadFile(path, questionnaire).Value is not { VendorName: { } name } sheet)
            {
                continue;
            }
            var vendor = new Vendor(Guid.NewGuid(), name, sheet.Product, null, null, DateTimeOffset.UtcNow);
            var record = new AuditRecord(AuditActions.VendorCreated, AuditResources.Vendor, vendor.Id.ToString(), After: $"name={name} sample");
            await vendors.CreateAsync(vendor, audit.Describe(record));
            audit.Written(record.Action);
            await ImportLibraryAsync(services, vendor, questionnaire, sheet);
            logger.LogInformation("Added sample vendor {Vendor} with {Count} library answers", name, sheet.Count);
        }
    }

    // The sample file is the vendor's own pre-answers: its library, submitted as of the file's date.
    private static async Task ImportLibraryAsync(IServiceProvider services, Vendor vendor, Questionnaire questionnaire, AnswerSheet sheet)
    {
        var library = services.GetRequiredService<ILibraryStore>();
        var now = DateTimeOffset.UtcNow;
        var answers = sheet.ByKey.ToDictionary(a => a.Key, a => AnswerJson.Serialize(a.Value), StringComparer.Ordinal);
        await library.ReplaceAsync(vendor.Id, answers, SystemUser, now);
        if (sheet.AsOf is { } asOf)
        {
            await library.SubmitAsync(vendor.Id, questionnaire.Id, questionnaire.Version, asOf, SystemUser, now);
        }
    }

    // Written to the console, not the log: the token is a credential and log sinks keep what they receive.
    private static void PrintSetupLink(WebApplication app, string token)
    {
        var link = app.Services.GetRequiredService<PublicLinks>().For($"/setup?token={token}");
        Console.WriteLine();
        Console.WriteLine("  No account exists yet. Create the first administrator here (the link works once):");
        Console.WriteLine($"  {link}");
        Console.WriteLine();
    }
}
