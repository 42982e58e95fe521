using Diligence.Core.Answers;
using Diligence.Core.Definitions;

namespace Diligence.Core.WriteUp;

/// <summary>What one build shares across sections: the evaluation and the parts gathered from all steps.</summary>
internal sealed class WriteUpBuildContext
{
    private bool _responsibilityTaken;

    public WriteUpBuildContext(AnswerSheet answers, Evaluation.Evaluation evaluation, DateOnly evaluatedOn, ReviewFacts facts)
    {
        Answers = answers;
        Evaluation = evaluation;
        EvaluatedOn = evaluatedOn;
        Facts = facts;
    }

    public AnswerSheet Answers { get; }

    public Evaluation.Evaluation Evaluation { get; }

    public DateOnly EvaluatedOn { get; }

    public ReviewFacts Facts { get; }

    public List<EvidenceRow> EvidenceRows { get; } = [];

    public List<ProvenanceRow> ProvenanceRows { get; } = [];

    public IReadOnlyList<FindingGroup> Findings { get; set; } = [];

    public IReadOnlyList<CertificationRow> Certifications { get; set; } = [];

    public ResponsibilityTable? Responsibility { get; set; }

    public AnswerOrigin? ProvenanceOf(string key) =>
        Facts.Provenance is { } provenance && provenance.TryGetValue(key, out var value) ? value : null;

    public void AddProvenance(string section, AnswerableItem item)
    {
        if (ProvenanceOf(item.Key) is { } provenance)
            ProvenanceRows.Add(new ProvenanceRow(section, item.Prompt, WriteUpText.Provenance(provenance), WriteUpText.ProvenanceName(provenance)));
    }

    /// <summary>The shared-responsibility table, handed out once: to the first party's place in its step.</summary>
    public ResponsibilityTable? TakeResponsibility()
    {
        if (_responsibilityTaken)
            return null;
        _responsibilityTaken = true;
        return Responsibility;
    }
}
