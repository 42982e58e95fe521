using Diligence.Core.Answers;
using Diligence.Core.Evaluation;
using Diligence.Core.Reviews;
using Diligence.Core.Vendors;

namespace Diligence.Web.Reviews;

/// <summary>One review as a page sees it: its answers, as stored and as Core reads them, and their evaluation.</summary>
public sealed record ReviewState(
    Review Review,
    Vendor Vendor,
    LoadedQuestionnaire Questionnaire,
    IReadOnlyDictionary<string, StoredAnswer> Stored,
    AnswerSheet Sheet,
    Evaluation Evaluation,
    DateOnly Today,
    IReadOnlyDictionary<string, ProvenanceView> Provenance,
    IReadOnlyDictionary<string, AnswerProvenance> Origins) : IAnswerSet
{
    public bool IsLocked => ReviewLifecycle.IsLocked(Review.Status);

    public int VersionOf(string key) => Stored.TryGetValue(key, out var stored) ? stored.Version : 0;
}
