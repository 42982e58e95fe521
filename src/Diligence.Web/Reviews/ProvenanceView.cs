using Diligence.Core.Answers;
using Diligence.Core.Definitions;
using Diligence.Core.Reviews;
using Diligence.Web.Library;

namespace Diligence.Web.Reviews;

/// <summary>
/// How a review page shows an answer that came from the vendor: its status, the day the vendor's answer was true,
/// whether it is stale (too old, or its evidence has expired) and, once overridden, the vendor's value.
/// </summary>
public sealed record ProvenanceView(
    ProvenanceStatus Status,
    DateOnly VendorAsOf,
    bool Stale,
    string? StaleReason,
    string VendorText)
{
    public static ProvenanceView Create(
        AnswerableItem item, AnswerProvenance provenance, StoredAnswer? current, DateOnly today, int staleAfterMonths)
    {
        // The answer's own asOf, else the day the vendor declared the library current, else the day it was last changed.
        var asOf = provenance.VendorAsOf ?? DateOnly.FromDateTime(provenance.VendorUpdatedAt.UtcDateTime);
        string? reason = null;
        var text = "";
        if (AnswerJson.TryDeserialize(provenance.VendorValueJson, item, out var vendorAnswer))
        {
            asOf = vendorAnswer.AsOf ?? asOf;
            reason = Staleness.ReasonFor(vendorAnswer, asOf, today, staleAfterMonths);
            text = AnswerText.Describe(item, vendorAnswer);
        }
        return new ProvenanceView(provenance.StatusFor(current?.ValueJson), asOf, reason is not null, reason, text);
    }
}
