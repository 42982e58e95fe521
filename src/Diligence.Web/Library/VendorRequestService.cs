using Diligence.Core.Definitions;
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
    IVendorRequestStore requests, ILibraryStore library, IOptions<LibraryOptions> options, TimeProvider clock)
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
