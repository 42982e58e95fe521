using Diligence.Core.Reviews;
using Diligence.Data;

namespace Diligence.Web.Reviews;

/// <summary>The reviews on the dashboard with their progress and open findings.</summary>
public sealed class DashboardQuery(IReviewStore reviews, IFindingStore findings, ReviewWorkspace workspace)
{
    /// <summary>Reviews in <paramref name="status"/> (all when null), most recently changed first.</summary>
    public async Task<IReadOnlyList<DashboardRow>> ListAsync(ReviewStatus? status, CancellationToken ct)
    {
        var rows = new List<DashboardRow>();
        // One evaluation per review: fine at the number of reviews a team runs; a stored progress column can come later.
        foreach (var summary in await reviews.ListAsync(status, ct))
        {
            var state = await workspace.LoadAsync(summary.Review.Id, ct);
            var open = OpenFindings.BySeverity(await findings.ListAsync(summary.Review.Id, ct));
            rows.Add(new DashboardRow(summary, state?.Evaluation.Overall, open));
        }
        return rows;
    }
}
