using Diligence.Core.Answers;
using Diligence.Core.Audit;
using Diligence.Core.Definitions;
using Diligence.Data;
using Diligence.Web.Audit;
using Diligence.Web.Library;

namespace Diligence.Web.Reviews;

/// <summary>
/// A reviewer uploads an answers YAML or workbook into a review: every answer in the file is validated first (any
/// problem: nothing is imported), then all are written at once against the versions read, with history; answers the
/// file does not mention are kept.
/// </summary>
public sealed class ReviewImport(ReviewWorkspace workspace, IAnswerImportStore imports, IAuditTrail audit, TimeProvider clock)
{
    public const string Locked = "This review is decided, so its answers no longer change; nothing was imported. Re-assess it to answer again.";

    /// <summary>The outcome, or null for an unknown review.</summary>
    public async Task<AnswersImport?> ImportAsync(Guid reviewId, IFormFile? upload, Guid userId, CancellationToken ct)
    {
        if (await workspace.LoadAsync(reviewId, ct) is not { } state)
        {
            return null;
        }
        if (state.IsLocked)
        {
            return new AnswersImport(0, [Locked]);
        }
        var (sheet, problems) = await AnswersUpload.ReadAsync(upload, state.Questionnaire.Evaluator, state.Today, Audience.Both, ct);
        if (sheet is null)
        {
            return new AnswersImport(0, problems);
        }
        var answers = sheet.ByKey
            .Select(a => new ImportedAnswer(a.Key, AnswerJson.Serialize(a.Value), state.VersionOf(a.Key)))
            .ToList();
        // How many, never what: answer contents stay out of the audit trail.
        var imported = await imports.ImportAsync(reviewId, answers, userId, clock.GetUtcNow(),
            count => audit.Describe(new AuditRecord(AuditActions.AnswersImported, AuditResources.Review, reviewId.ToString(),
                After: $"answers={answers.Count} changed={count}")),
            ct);
        switch (imported)
        {
            case AnswerImportResult.Locked:
                return new AnswersImport(0, [Locked]);
            case AnswerImportResult.Conflict conflict:
                return new AnswersImport(0, [ConflictMessage(conflict.Keys)]);
            case AnswerImportResult.Imported { Changed: var changed }:
                audit.Written(AuditActions.AnswersImported);
                if (changed > 0 && await workspace.LoadAsync(reviewId, ct) is { } next)
                {
                    await workspace.SyncFindingsAsync(next, ct);
                }
                return new AnswersImport(changed, []);
            default:
                throw new InvalidOperationException("Unknown import result.");
        }
    }

    public static string ConflictMessage(IReadOnlyList<string> keys) =>
        $"Someone saved {string.Join(", ", keys)} while the file was being imported; nothing was imported. Import the file again to apply it to the current answers.";
}
