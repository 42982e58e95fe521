using Diligence.Core.Answers;
using Diligence.Core.Evaluation;
using Diligence.Core.Reviews;

namespace Diligence.Web.Reviews;

/// <summary>
/// Answers by key against one questionnaire version, as the step renderer and autosave see them: a review's, or a
/// vendor's library.
/// </summary>
public interface IAnswerSet
{
    LoadedQuestionnaire Questionnaire { get; }

    IReadOnlyDictionary<string, StoredAnswer> Stored { get; }

    AnswerSheet Sheet { get; }

    Evaluation Evaluation { get; }

    DateOnly Today { get; }

    bool IsLocked { get; }

    /// <summary>Where a prefilled answer came from; empty outside reviews.</summary>
    IReadOnlyDictionary<string, ProvenanceView> Provenance { get; }

    int VersionOf(string key);
}
