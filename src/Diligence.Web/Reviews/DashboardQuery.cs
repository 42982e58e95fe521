using Diligence.Core.Reviews;
using Diligence.Data;

namespace Diligence.Web.Reviews;

/// <summary>The reviews on the dashboard, a page at a time, with their progress and open findings.</summary>
public sealed class DashboardQuery(IReviewStore reviews, IAnswerStore answers, IFindingStore findings, QuestionnaireCatalog catalog, TimeProvider clock)
{
    /// <summary>Rows per page: a page reads every answer of its reviews, so its cost must not grow with the team's history.</summary>
    public const int PageSize = 50;

    /// <summary>
    /// Reviews in <paramref name="status"/> (all when null), most recently changed first; a page past the last one
    /// shows the last.
    /// </summary>
    public async Task<DashboardPage> ListAsync(ReviewStatus? status, int pageNumber, CancellationToken ct)
    {
        var number = Math.Max(1, pageNumber);
        var page = await reviews.PageAsync(status, (number - 1) * PageSize, PageSize, ct);
        var pageCount = Math.Max(1, (page.Total + PageSize - 1) / PageSize);
        if (number > pageCount)
        {
            number = pageCount;
            page = await reviews.PageAsync(status, (number - 1) * PageSize, PageSize, ct);
        }
        return new DashboardPage(await RowsAsync(page.Reviews, ct), number, pageCount, page.Total);
    }

    // Three reads for the page whatever its size; progress is evaluated from the answers, as a review's own page does.
    private async Task<List<DashboardRow>> RowsAsync(IReadOnlyList<ReviewSummary> summaries, CancellationToken ct)
    {
        var ids = summaries.Select(s => s.Review.Id).ToList();
        var answered = (await answers.ListAsync(ids, ct)).ToLookup(a => a.ReviewId);
        var open = (await findings.CountOpenAsync(ids, ct)).ToLookup(c => c.ReviewId);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var rows = new List<DashboardRow>(summaries.Count);
        foreach (var summary in summaries)
        {
            var review = summary.Review;
            var questionnaire = await catalog.GetAsync(review.QuestionnaireId, review.QuestionnaireVersion, ct);
            var progress = questionnaire?.Evaluator
                .Evaluate(questionnaire.SheetOf(answered[review.Id], summary.VendorName, summary.VendorProduct), today).Overall;
            rows.Add(new DashboardRow(summary, progress, OpenFindings.BySeverity(open[review.Id])));
        }
        return rows;
    }
}
