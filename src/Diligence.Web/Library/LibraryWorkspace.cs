using System.Globalization;
using Diligence.Core.Answers;
using Diligence.Core.Audit;
using Diligence.Core.Definitions;
using Diligence.Core.Reviews;
using Diligence.Core.Vendors;
using Diligence.Data;
using Diligence.Web.Audit;
using Diligence.Web.Reviews;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Diligence.Web.Library;

/// <summary>
/// A vendor's answer library: loaded against the newest published questionnaire (answers are kept by key, so they
/// carry over to new versions), saved with the same form reading, validation and concurrency as a review.
/// </summary>
public sealed class LibraryWorkspace(
    IVendorStore vendors,
    ILibraryStore library,
    IQuestionnaireStore questionnaires,
    IUserStore users,
    QuestionnaireCatalog catalog,
    IAuditTrail audit,
    IOptions<LibraryOptions> options,
    TimeProvider clock)
{
    public async Task<LibraryState?> LoadAsync(Guid vendorId, CancellationToken ct)
    {
        if (await vendors.GetAsync(vendorId, ct) is not { } vendor)
        {
            return null;
        }
        var status = await library.GetStatusAsync(vendorId, ct);
        var published = NewReviewService.NewestFirst(await questionnaires.ListAsync(ct));
        var current = published.FirstOrDefault(q => q.Id == (status.QuestionnaireId ?? options.Value.QuestionnaireId))
            ?? published.FirstOrDefault();
        if (current is null || await catalog.GetAsync(current.Id, current.Version, ct) is not { } questionnaire)
        {
            return null;
        }
        var stored = (await library.ListAsync(vendorId, ct)).ToDictionary(a => a.Key, StringComparer.Ordinal);
        return Evaluate(vendor, questionnaire, stored, status);
    }

    public async Task<(ItemSaveOutcome Outcome, LibraryState State)> SaveAsync(
        LibraryState state, AnswerableItem item, Func<string, StringValues> form, int expectedVersion, Guid userId,
        CancellationToken ct)
    {
        var (outcome, after) = await ItemSave.SaveAsync(state, item, form, expectedVersion,
            json => library.SaveAsync(state.Vendor.Id, item.Key, json, expectedVersion, userId, clock.GetUtcNow(),
                // Written in the answer's own transaction, as a review's answers are.
                (before, saved) => audit.Describe(new AuditRecord(
                    AuditActions.AnswerSaved, AuditResources.LibraryAnswer, $"{state.Vendor.Id}/{item.Key}",
                    AuditSummary.Answer(before), AuditSummary.Answer(saved.Version, saved.Answer?.ValueJson))),
                ct),
            users, ct);
        if (after is null)
        {
            return (outcome, state);
        }
        audit.Written(AuditActions.AnswerSaved);
        return (outcome, Evaluate(state.Vendor, state.Questionnaire, after.Stored, after.Sheet, state.Status));
    }

    /// <summary>"Submit": the library is current, as of <paramref name="asOf"/>, for the questionnaire version shown.</summary>
    public async Task SubmitAsync(LibraryState state, DateOnly asOf, Guid userId, CancellationToken ct)
    {
        var definition = state.Questionnaire.Definition;
        var record = new AuditRecord(AuditActions.LibrarySubmitted, AuditResources.Vendor, state.Vendor.Id.ToString(),
            After: string.Create(CultureInfo.InvariantCulture, $"as-of={asOf:yyyy-MM-dd} questionnaire={definition.Id}@{definition.Version}"));
        await library.SubmitAsync(state.Vendor.Id, definition.Id, definition.Version, asOf, userId, clock.GetUtcNow(), audit.Describe(record), ct);
        audit.Written(record.Action);
    }

    /// <summary>
    /// Items for vendors whose key the version the library was last submitted for did not have: the new questions
    /// for the vendor. Empty before the first submit and while the version is the same.
    /// </summary>
    public async Task<IReadOnlyList<AnswerableItem>> NewQuestionsAsync(LibraryState state, CancellationToken ct)
    {
        var definition = state.Questionnaire.Definition;
        if (state.Status is not { QuestionnaireId: { } id, QuestionnaireVersion: { } version }
            || (id == definition.Id && version == definition.Version)
            || await catalog.GetAsync(id, version, ct) is not { } previous)
        {
            return [];
        }
        return [.. definition.AnswerableItems
            .Where(i => i.Audience.HasFlag(Audience.Vendor) && previous.Definition.FindItemByKey(i.Key) is null)];
    }

    /// <summary>The library as an answers file for the current questionnaire version.</summary>
    public static string Export(LibraryState state) => AnswersWriter.Write(SheetOf(state), state.Questionnaire.Definition);

    /// <summary>The library's answers with the vendor and the day it was last declared current.</summary>
    public static AnswerSheet SheetOf(LibraryState state) =>
        new(state.Questionnaire.Definition.Id, state.Questionnaire.Definition.Version, state.Sheet.ByKey,
            state.Vendor.Name, state.Vendor.Product, state.Status.AsOf);

    /// <summary>Replaces the library with a sheet already read and validated.</summary>
    public async Task<AnswersImport> ImportAsync(LibraryState state, AnswerSheet sheet, Guid userId, CancellationToken ct)
    {
        var answers = sheet.ByKey.ToDictionary(a => a.Key, a => AnswerJson.Serialize(a.Value), StringComparer.Ordinal);
        // How many, never what: answer contents stay out of the audit trail.
        var changed = await library.ReplaceAsync(state.Vendor.Id, answers, userId, clock.GetUtcNow(),
            count => audit.Describe(new AuditRecord(AuditActions.AnswersImported, AuditResources.Vendor, state.Vendor.Id.ToString(),
                After: $"answers={answers.Count} changed={count}")),
            ct);
        audit.Written(AuditActions.AnswersImported);
        if (sheet.AsOf is { } asOf)
        {
            await SubmitAsync(state, asOf, userId, ct);
        }
        return new AnswersImport(changed, []);
    }

    private LibraryState Evaluate(
        Vendor vendor, LoadedQuestionnaire questionnaire, IReadOnlyDictionary<string, StoredAnswer> stored, LibraryStatus status)
    {
        var definition = questionnaire.Definition;
        var answers = new List<KeyValuePair<string, Answer>>(stored.Count);
        foreach (var (key, answer) in stored)
        {
            if (definition.FindItemByKey(key) is { } item && AnswerJson.TryDeserialize(answer.ValueJson, item, out var read))
            {
                answers.Add(new(key, read));
            }
        }
        return Evaluate(vendor, questionnaire, stored, new AnswerSheet(definition.Id, definition.Version, answers, vendor.Name, vendor.Product, status.AsOf), status);
    }

    private LibraryState Evaluate(
        Vendor vendor, LoadedQuestionnaire questionnaire, IReadOnlyDictionary<string, StoredAnswer> stored, AnswerSheet sheet, LibraryStatus status)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return new LibraryState(vendor, questionnaire, stored, sheet, questionnaire.Evaluator.Evaluate(sheet, today, Audience.Vendor), today, status);
    }
}
