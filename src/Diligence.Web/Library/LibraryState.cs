using Diligence.Core.Answers;
using Diligence.Core.Evaluation;
using Diligence.Core.Reviews;
using Diligence.Core.Vendors;
using Diligence.Web.Reviews;

namespace Diligence.Web.Library;

/// <summary>A vendor's answer library read against the current questionnaire version.</summary>
public sealed record LibraryState(
    Vendor Vendor,
    LoadedQuestionnaire Questionnaire,
    IReadOnlyDictionary<string, StoredAnswer> Stored,
    AnswerSheet Sheet,
    Evaluation Evaluation,
    DateOnly Today,
    LibraryStatus Status) : IAnswerSet
{
    public bool IsLocked => false;

    public IReadOnlyDictionary<string, ProvenanceView> Provenance { get; } = new Dictionary<string, ProvenanceView>();

    public int VersionOf(string key) => Stored.TryGetValue(key, out var stored) ? stored.Version : 0;
}
