using Diligence.Core.Definitions;
using Diligence.Data;

namespace Diligence.Web.Library;

/// <summary>Starts a review with the vendor's library answers to the items vendors answer, each marked as the vendor's.</summary>
public sealed class ReviewPrefill(IProvenanceStore provenance, TimeProvider clock)
{
    public Task<int> PrefillAsync(Guid reviewId, Guid vendorId, Questionnaire questionnaire, Guid userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        var keys = VendorKeys(questionnaire);
        return provenance.PrefillAsync(reviewId, vendorId, keys, userId, clock.GetUtcNow(), ct);
    }

    public static IReadOnlyList<string> VendorKeys(Questionnaire questionnaire) =>
        [.. questionnaire.AnswerableItems.Where(i => i.Audience.HasFlag(Audience.Vendor)).Select(i => i.Key)];
}
