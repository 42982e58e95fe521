using Diligence.Core.Answers;

namespace Diligence.Core.Evaluation;

/// <summary>The outcome of evaluating one answer sheet on a given day.</summary>
public sealed class Evaluation
{
    private readonly QuestionnaireEvaluator _evaluator;
    private readonly bool[] _visible;
    private readonly bool[] _required;
    private readonly AnswerValue?[] _values;
    private readonly Progress[] _steps;

    internal Evaluation(
        QuestionnaireEvaluator evaluator,
        bool[] visible,
        bool[] required,
        AnswerValue?[] values,
        int[] stepAnswered,
        int[] stepRequired,
        List<RaisedFinding> findings,
        List<string> missingRequired)
    {
        _evaluator = evaluator;
        _visible = visible;
        _required = required;
        _values = values;
        _steps = new Progress[stepAnswered.Length];
        for (var i = 0; i < _steps.Length; i++)
            _steps[i] = new Progress(stepAnswered[i], stepRequired[i]);
        Overall = new Progress(stepAnswered.Sum(), stepRequired.Sum());
        Findings = findings;
        MissingRequired = missingRequired;
    }

    /// <summary>Over every visible required item.</summary>
    public Progress Overall { get; }

    /// <summary>Raised by the flags of visible answered items (document order), then by rules whose condition holds.</summary>
    public IReadOnlyList<RaisedFinding> Findings { get; }

    /// <summary>Keys of visible required items without an answer, in document order.</summary>
    public IReadOnlyList<string> MissingRequired { get; }

    /// <summary>
    /// Whether an item, group or step is shown: its own condition and every container's hold. An id used by both an
    /// item and a step names the item (see <see cref="IsStepVisible"/>); a repeat sub-item is visible with its repeat.
    /// </summary>
    /// <exception cref="ArgumentException">No item, group or step has this id.</exception>
    public bool IsVisible(string itemOrGroupOrStepId) =>
        _evaluator.TryGetNode(itemOrGroupOrStepId, out var node)
            ? _visible[node]
            : throw new ArgumentException($"unknown item or step '{itemOrGroupOrStepId}'", nameof(itemOrGroupOrStepId));

    /// <exception cref="ArgumentException">No step has this id.</exception>
    public bool IsStepVisible(string stepId) =>
        _evaluator.TryGetStepNode(stepId, out var node)
            ? _visible[node]
            : throw new ArgumentException($"unknown step '{stepId}'", nameof(stepId));

    /// <summary>
    /// Whether a visible item must be answered (<c>required</c>, or its <c>requiredWhen</c> holds). Groups, display items
    /// and hidden items are never required; a repeat sub-item is required in each entry when its repeat is visible.
    /// </summary>
    /// <exception cref="ArgumentException">No item has this id.</exception>
    public bool IsRequired(string itemId)
    {
        if (_evaluator.TryGetSlot(itemId, out var slot))
            return _required[slot];
        var item = _evaluator.Questionnaire.FindItem(itemId)
            ?? throw new ArgumentException($"unknown item '{itemId}'", nameof(itemId));
        return item is Definitions.AnswerableItem { Required: true } && IsVisible(itemId);
    }

    /// <summary>Whether an item has a non-empty answer and is visible: how conditions read it.</summary>
    /// <exception cref="ArgumentException">No answerable item outside a repeat has this id.</exception>
    public bool IsAnswered(string itemId) =>
        _evaluator.TryGetSlot(itemId, out var slot)
            ? _values[slot] is not null && IsVisible(itemId)
            : throw new ArgumentException($"unknown answerable item '{itemId}'", nameof(itemId));

    /// <exception cref="ArgumentException">No step has this id.</exception>
    public Progress ForStep(string stepId) =>
        _evaluator.TryGetStepNode(stepId, out var node)
            ? _steps[node]
            : throw new ArgumentException($"unknown step '{stepId}'", nameof(stepId));
}
