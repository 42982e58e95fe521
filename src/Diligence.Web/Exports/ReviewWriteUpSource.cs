using Diligence.Core.WriteUp;
using Diligence.Data;
using Diligence.Web.Reviews;

namespace Diligence.Web.Exports;

/// <summary>
/// Reads a review as stored (answers, findings, provenance, owner, and who decided it and raised its findings) and
/// composes its write-up.
/// </summary>
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
        var stored = await findings.ListAsync(reviewId, ct);
        var people = new Dictionary<Guid, string>();
        foreach (var id in stored.Select(f => f.RaisedBy).Append(state.Review.DecidedBy).OfType<Guid>().Distinct())
        {
            if (await users.GetAsync(id, ct) is { } user)
            {
                people[id] = user.DisplayName;
            }
        }
        var review = new StoredReview(
            state.Review,
            state.Vendor,
            state.Sheet,
            state.Stored,
            stored,
            [.. state.Origins.Values],
            owner?.DisplayName,
            people);
        return new ReviewWriteUpComposer(state.Questionnaire.Evaluator).Compose(review, state.Today);
    }
}
