using Diligence.Core.Definitions;
using Diligence.Core.Reviews;
using Diligence.Core.Vendors;
using Diligence.Data;
using Diligence.Web.Reviews;
using Microsoft.Extensions.Options;

namespace Diligence.Web.Library;

/// <summary>
/// The review lifecycle's side of the portal: a review moved to "awaiting vendor" asks the vendor for its unanswered
/// vendor questions by a due date; the reviewer then sees, per step, what the vendor has answered since.
/// </summary>
public sealed class VendorRequestService(
    IVendorRequestStore requests,
    ILibraryStore library,
    IReviewStore reviews,
    IUserStore users,
    IOptions<LibraryOptions> options,
    TimeProvider clock)
{
    /// <summary>What moving the review to "awaiting vendor" now asks: its visible vendor questions still unanswered.</summary>
    public VendorRequest Compose(ReviewState state)
    {
        var evaluation = state.Evaluation;
        var keys = state.Questionnaire.Definition.AnswerableItems
            .Where(i => i.Audience.HasFlag(Audience.Vendor) && evaluation.IsVisible(i.Id) && !evaluation.IsAnswered(i.Id))
            .Select(i => i.Key)
            .ToList();
        var now = clock.GetUtcNow();
        return new VendorRequest(
            state.Review.Id, state.Vendor.Id, keys, DateOnly.FromDateTime(now.UtcDateTime).AddDays(options.Value.RequestDueDays), now);
    }

    public Task AskAsync(VendorRequest request, CancellationToken ct) => requests.SaveAsync(request, ct);

    /// <summary>
    /// The vendor's requests whose review still waits for it (awaiting the vendor or in review), newest first; a review
    /// that went on to the committee or was decided asks nothing any more.
    /// </summary>
    public async Task<IReadOnlyList<OpenRequest>> OpenAsync(Guid vendorId, CancellationToken ct)
    {
        var open = new List<OpenRequest>();
        foreach (var request in await requests.ListAsync(vendorId, ct))
        {
            if (await OpenOrNullAsync(request, ct) is { } found)
            {
                open.Add(found);
            }
        }
        return open;
    }

    /// <summary>The review's request if it is the vendor's and still open; null otherwise.</summary>
    public async Task<OpenRequest?> FindOpenAsync(Guid reviewId, Guid vendorId, CancellationToken ct) =>
        await requests.GetAsync(reviewId, ct) is { } request && request.VendorId == vendorId ? await OpenOrNullAsync(request, ct) : null;

    private async Task<OpenRequest?> OpenOrNullAsync(VendorRequest request, CancellationToken ct)
    {
        if (await reviews.GetAsync(request.ReviewId, ct) is not { Status: ReviewStatus.AwaitingVendor or ReviewStatus.InReview } review)
        {
            return null;
        }
        // The review's owner is the reviewer answerable for it, and the one the vendor would contact.
        return new OpenRequest(request, (await users.GetAsync(review.OwnerId, ct))?.DisplayName ?? "a reviewer");
    }

    /// <summary>The step's vendor items whose library answer changed after the review asked the vendor.</summary>
    public async Task<IReadOnlyList<AnswerableItem>> AnsweredSinceRequestAsync(ReviewState state, Step step, CancellationToken ct)
    {
        if (await requests.GetAsync(state.Review.Id, ct) is not { } request)
        {
            return [];
        }
        var changed = (await library.ListAsync(state.Vendor.Id, ct))
            .Where(a => a.UpdatedAt > request.RequestedAt)
            .Select(a => a.Key)
            .ToHashSet(StringComparer.Ordinal);
        return [.. StepView.AnswerableItemsOf(step.Items).Where(i => changed.Contains(i.Key))];
    }
}
