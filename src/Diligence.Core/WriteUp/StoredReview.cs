using Diligence.Core.Answers;
using Diligence.Core.Reviews;
using Diligence.Core.Vendors;

namespace Diligence.Core.WriteUp;

/// <summary>
/// Everything stored about a review that its write-up draws on: the review, its vendor, its answers (as Core reads
/// them and as stored, to tell confirmed from overridden), its findings, the answers' provenance, the owner's name and
/// the names of the people who recorded its decision or raised its findings, by user id.
/// </summary>
public sealed record StoredReview(
    Review Review,
    Vendor Vendor,
    AnswerSheet Sheet,
    IReadOnlyDictionary<string, StoredAnswer> Answers,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<AnswerProvenance> Provenance,
    string? OwnerName,
    IReadOnlyDictionary<Guid, string>? People = null);
