namespace Diligence.Core.Evaluation;

/// <summary>The per-call working set of one evaluation; compiled conditions read it.</summary>
internal sealed class EvaluationState(Answers.AnswerValue?[] values, bool[] visible, DateOnly today)
{
    /// <summary>By answer slot: the value when answered (not empty), else null.</summary>
    public Answers.AnswerValue?[] Values { get; } = values;

    /// <summary>By visibility node.</summary>
    public bool[] Visible { get; } = visible;

    public DateOnly Today { get; } = today;
}
