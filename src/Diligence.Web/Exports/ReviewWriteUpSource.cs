using Diligence.Core.WriteUp;
using Diligence.Data;
using Diligence.Web.Reviews;

namespace Diligence.Web.Exports;

/// <summary>Reads a review as stored (answers, findings, provenance, owner) and composes its write-up.</summary>
public sealed class ReviewWriteUpSource(ReviewWorkspace workspace, IFindingStore findings, IUserStore users)
{
    /// <summary>Null when the review, its vendor or its questionnaire version is gone.</summary>
    public async Task<WriteUp?> ComposeAsync(Guid reviewId, CancellationToken ct)
    {
        if (await workspace.LoadAsync(reviewId, ct) is not { } state)
        {
            return null;
        }
        var owner = await users.GetAsync(state.Review.OwnerId, ct);
        var stored = new StoredReview(
            state.Review,
            state.Vendor,
            state.Sheet,
            state.Stored,
            await findings.ListAsync(reviewId, ct),
            [.. state.Origins.Values],
            owner?.DisplayName);
        return new ReviewWriteUpComposer(state.Questionnaire.Evaluator).Compose(stored, state.Today);
    }
}
