using Diligence.Core.Reviews;
using Diligence.Core.Audit;
using Diligence.Data;
using Diligence.Web.Audit;
using Diligence.Web.Library;

namespace Diligence.Web.Reviews;

/// <summary>
/// Starts a review: a draft owned by the reviewer, pinned to a published questionnaire version and its hash, prefilled
/// with the vendor's library answers.
/// </summary>
public sealed class NewReviewService(
    IVendorStore vendors, IQuestionnaireStore questionnaires, IReviewStore reviews, QuestionnaireCatalog catalog,
    ReviewPrefill prefill, IAuditTrail audit, TimeProvider clock)
{
    public const string VendorField = "VendorId";
    public const string QuestionnaireField = "Questionnaire";
    public const string VendorMissing = "Choose the vendor to review.";
    public const string QuestionnaireMissing = "Choose a published questionnaire version.";

    public async Task<NewReviewChoices> ChoicesAsync(CancellationToken ct) =>
        new(await vendors.ListAsync(ct), NewestFirst(await questionnaires.ListAsync(ct)));

    /// <summary>The select value naming one version: ids and versions never contain '@'.</summary>
    public static string ChoiceOf(StoredQuestionnaire questionnaire) => $"{questionnaire.Id}@{questionnaire.Version}";

    public async Task<ChangeOutcome> CreateAsync(Guid? vendorId, string? questionnaireChoice, Guid ownerId, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var vendor = vendorId is { } id ? await vendors.GetAsync(id, ct) : null;
        if (vendor is null)
        {
            errors[VendorField] = VendorMissing;
        }
        var questionnaire = (await questionnaires.ListAsync(ct)).FirstOrDefault(q => ChoiceOf(q) == questionnaireChoice);
        if (questionnaire is null)
        {
            errors[QuestionnaireField] = QuestionnaireMissing;
        }
        if (vendor is null || questionnaire is null)
        {
            return new ChangeOutcome.Refused(errors);
        }
        var now = clock.GetUtcNow();
        var review = new Review(
            Guid.NewGuid(), vendor.Id, questionnaire.Id, questionnaire.Version, questionnaire.ContentHash,
            ReviewStatus.Draft, ownerId, Decision: null, DecisionRationale: null, PreviousReviewId: null, now, now, Version: 1);
        var record = new AuditRecord(AuditActions.ReviewCreated, AuditResources.Review, review.Id.ToString(),
            After: $"vendor={vendor.Id} questionnaire={questionnaire.Id}@{questionnaire.Version}");
        await reviews.CreateAsync(review, audit.Describe(record), ct);
        audit.Written(record.Action);
        if (await catalog.GetAsync(questionnaire.Id, questionnaire.Version, ct) is { } loaded)
        {
            await prefill.PrefillAsync(review.Id, vendor.Id, loaded.Definition, ownerId, ct);
        }
        return new ChangeOutcome.Done(review.Id);
    }

    /// <summary>By id, then highest version first (semver compared numerically), then latest published.</summary>
    public static IReadOnlyList<StoredQuestionnaire> NewestFirst(IEnumerable<StoredQuestionnaire> published) =>
        published
            .OrderBy(q => q.Id, StringComparer.Ordinal)
            .ThenByDescending(q => ParseVersion(q.Version))
            .ThenByDescending(q => q.PublishedAt)
            .ToList();

    private static Version ParseVersion(string version) =>
        Version.TryParse(version.Split('-', '+')[0], out var parsed) ? parsed : new Version(0, 0);
}
