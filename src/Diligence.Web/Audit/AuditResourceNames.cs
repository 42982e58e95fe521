using Diligence.Core.Audit;
using Diligence.Data;

namespace Diligence.Web.Audit;

/// <summary>Names the resources of a page of audit events: users, vendors, reviews and answers by name, with links.</summary>
public sealed class AuditResourceNames(IUserStore users, IVendorStore vendors, IReviewStore reviews)
{
    public async Task<IReadOnlyDictionary<(string Type, string Id), ResourceLabel>> ForAsync(
        IReadOnlyList<AuditEvent> events, CancellationToken ct)
    {
        var labels = new Dictionary<(string, string), ResourceLabel>();
        if (events.Count == 0)
        {
            return labels;
        }
        // Both lists are small (people and vendors); reviews are read one by one, at most one page of them.
        var userNames = (await users.ListAsync(ct)).ToDictionary(u => u.Id, u => $"{u.DisplayName} ({u.Email})");
        var vendorNames = (await vendors.ListAsync(ct)).ToDictionary(v => v.Id, v => v.Name);
        var reviewVendors = new Dictionary<Guid, string?>();
        async Task<string?> ReviewOfAsync(Guid reviewId)
        {
            if (!reviewVendors.TryGetValue(reviewId, out var vendor))
            {
                vendor = await reviews.GetAsync(reviewId, ct) is { } review ? vendorNames.GetValueOrDefault(review.VendorId) : null;
                reviewVendors[reviewId] = vendor;
            }
            return vendor;
        }
        foreach (var e in events)
        {
            var key = (e.ResourceType, e.ResourceId);
            if (labels.ContainsKey(key))
            {
                continue;
            }
            var (owner, answerKey) = SplitAnswer(e.ResourceId);
            labels[key] = e.ResourceType switch
            {
                AuditResources.User when Guid.TryParse(e.ResourceId, out var id) && userNames.TryGetValue(id, out var name) =>
                    new ResourceLabel(name, null, e.ResourceId, false),
                AuditResources.Vendor when Guid.TryParse(e.ResourceId, out var id) && vendorNames.TryGetValue(id, out var name) =>
                    new ResourceLabel(name, $"/vendors/{id}", e.ResourceId, false),
                AuditResources.Review when Guid.TryParse(e.ResourceId, out var id) && await ReviewOfAsync(id) is { } vendor =>
                    new ResourceLabel($"Review of {vendor}", $"/reviews/{id}", e.ResourceId, false),
                AuditResources.Answer when owner is { } id && await ReviewOfAsync(id) is { } vendor =>
                    new ResourceLabel($"{answerKey} · Review of {vendor}", $"/reviews/{id}", e.ResourceId, false),
                AuditResources.LibraryAnswer when owner is { } id && vendorNames.TryGetValue(id, out var name) =>
                    new ResourceLabel($"{answerKey} · {name}'s library", $"/vendors/{id}/library", e.ResourceId, false),
                _ when Guid.TryParse(e.ResourceId, out _) || owner is not null =>
                    new ResourceLabel(AdminText.ShortId(e.ResourceId), null, e.ResourceId, true),
                // Not an id (a questionnaire version, "csv"): readable as it is.
                _ => new ResourceLabel(e.ResourceId, null, e.ResourceId, false),
            };
        }
        return labels;
    }

    // Answer events name "<review or vendor id>/<answer key>".
    private static (Guid? Owner, string Key) SplitAnswer(string resourceId)
    {
        var slash = resourceId.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && Guid.TryParse(resourceId.AsSpan(0, slash), out var owner) ? (owner, resourceId[(slash + 1)..]) : (null, resourceId);
    }
}
