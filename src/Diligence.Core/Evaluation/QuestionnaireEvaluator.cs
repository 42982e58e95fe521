using Diligence.Core.Answers;
using Diligence.Core.Definitions;

namespace Diligence.Core.Evaluation;

/// <summary>
/// Evaluates visibility, requiredness, progress and findings for answer sheets. Built once per questionnaire: it
/// orders every step and item after what its visibility depends on and compiles every condition, so an evaluation
/// is a few passes over arrays. Immutable after construction, so one instance serves concurrent callers.
/// </summary>
public sealed class QuestionnaireEvaluator
{
    private readonly int[] _order;
    private readonly int[] _parents;
    private readonly CompiledCondition?[] _visibleWhen;
    private readonly CompiledCondition?[] _vendorVisibleWhen;
    private readonly AnswerableItem[] _slots;
    private readonly int[] _slotNodes;
    private readonly int[] _slotSteps;
    private readonly CompiledCondition?[] _requiredWhen;
    private readonly FlagSource[]?[] _flags;
    private readonly CompiledCondition[] _rules;
    private readonly Dictionary<string, int> _nodeByItemId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _nodeByStepId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _slotByItemId = new(StringComparer.Ordinal);

    public QuestionnaireEvaluator(Questionnaire questionnaire)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        Questionnaire = questionnaire;
        var graph = VisibilityGraph.Build(questionnaire.Steps);
        _order = graph.TopologicalOrder() ?? throw new ArgumentException("the questionnaire has a visibility condition cycle", nameof(questionnaire));
        _parents = [.. graph.Parents];
        for (var i = 0; i < questionnaire.Steps.Count; i++)
            _nodeByStepId.TryAdd(questionnaire.Steps[i].Id, i);
        foreach (var (id, node) in graph.ItemNodes)
        {
            _nodeByItemId[id] = node;
            if (questionnaire.FindItem(id) is RepeatItem repeat)
            {
                foreach (var subItem in repeat.Items)
                    _nodeByItemId.TryAdd(subItem.Id, node);
            }
        }

        _slots = [.. questionnaire.AnswerableItems];
        _slotNodes = new int[_slots.Length];
        _slotSteps = new int[_slots.Length];
        for (var slot = 0; slot < _slots.Length; slot++)
        {
            _slotByItemId[_slots[slot].Id] = slot;
            _slotNodes[slot] = _nodeByItemId[_slots[slot].Id];
            _slotSteps[slot] = StepOf(_slotNodes[slot]);
        }

        var compiler = new ConditionCompiler(questionnaire, _slotByItemId, _nodeByItemId);
        _visibleWhen = new CompiledCondition?[graph.Nodes.Count];
        _vendorVisibleWhen = new CompiledCondition?[graph.Nodes.Count];
        for (var node = 0; node < graph.Nodes.Count; node++)
        {
            var condition = graph.Nodes[node] switch
            {
                Step step => step.VisibleWhen,
                Item item => item.VisibleWhen,
                _ => null,
            };
            _visibleWhen[node] = condition is null ? null : compiler.Compile(condition);
            // Vendors never see the answers of reviewer-only items, so a condition on one cannot be judged for them:
            // it counts as met and the vendor is shown the node.
            _vendorVisibleWhen[node] = condition is not null && ReadsReviewerOnlyItem(condition, questionnaire) ? null : _visibleWhen[node];
        }
        _requiredWhen = [.. _slots.Select(s => s.RequiredWhen is null ? null : compiler.Compile(s.RequiredWhen))];
        _flags = [.. _slots.Select(FlagSourcesOf)];
        _rules = [.. questionnaire.Findings.Select(f => compiler.Compile(f.When))];
    }

    public Questionnaire Questionnaire { get; }

    public Evaluation Evaluate(AnswerSheet answers, DateOnly today) => Evaluate(answers, today, Audience.Both);

    /// <summary>
    /// As <see cref="Evaluate(AnswerSheet, DateOnly)"/>, for what <paramref name="audience"/> sees: for vendors alone,
    /// a <c>visibleWhen</c> that reads any reviewer-only item counts as met.
    /// </summary>
    public Evaluation Evaluate(AnswerSheet answers, DateOnly today, Audience audience)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var visibleWhen = audience == Audience.Vendor ? _vendorVisibleWhen : _visibleWhen;
        var byKey = answers.ByKey;
        var values = new AnswerValue?[_slots.Length];
        for (var slot = 0; slot < _slots.Length; slot++)
        {
            if (byKey.TryGetValue(_slots[slot].Key, out var answer) && !answer.Value.IsEmpty)
                values[slot] = answer.Value;
        }
        var visible = new bool[_parents.Length];
        var state = new EvaluationState(values, visible, today);
        foreach (var node in _order)
        {
            var parent = _parents[node];
            visible[node] = (parent < 0 || visible[parent]) && (visibleWhen[node]?.Invoke(state) ?? true);
        }

        var required = new bool[_slots.Length];
        var stepAnswered = new int[Questionnaire.Steps.Count];
        var stepRequired = new int[Questionnaire.Steps.Count];
        var missing = new List<string>();
        var findings = new List<RaisedFinding>();
        for (var slot = 0; slot < _slots.Length; slot++)
        {
            if (!visible[_slotNodes[slot]])
                continue;
            var item = _slots[slot];
            if (item.Required || (_requiredWhen[slot]?.Invoke(state) ?? false))
            {
                required[slot] = true;
                stepRequired[_slotSteps[slot]]++;
                if (values[slot] is null)
                    missing.Add(item.Key);
                else
                    stepAnswered[_slotSteps[slot]]++;
            }
            if (_flags[slot] is { } flags && values[slot] is { } value)
                RaiseFlags(flags, value, findings);
        }
        for (var rule = 0; rule < _rules.Length; rule++)
        {
            if (_rules[rule](state))
            {
                var finding = Questionnaire.Findings[rule];
                findings.Add(new RaisedFinding($"rule:{finding.Id}", finding.Severity, finding.Finding, finding.Ask, null));
            }
        }
        return new Evaluation(this, visible, required, values, stepAnswered, stepRequired, findings, missing);
    }

    internal bool TryGetNode(string itemOrStepId, out int node) =>
        _nodeByItemId.TryGetValue(itemOrStepId, out node) || _nodeByStepId.TryGetValue(itemOrStepId, out node);

    internal bool TryGetStepNode(string stepId, out int node) => _nodeByStepId.TryGetValue(stepId, out node);

    internal bool TryGetSlot(string itemId, out int slot) => _slotByItemId.TryGetValue(itemId, out slot);

    private static bool ReadsReviewerOnlyItem(Condition condition, Questionnaire questionnaire) => condition switch
    {
        AllCondition all => all.Conditions.Any(c => ReadsReviewerOnlyItem(c, questionnaire)),
        AnyCondition any => any.Conditions.Any(c => ReadsReviewerOnlyItem(c, questionnaire)),
        NotCondition not => not.Conditions.Any(c => ReadsReviewerOnlyItem(c, questionnaire)),
        LeafCondition leaf => questionnaire.FindItem(leaf.Question.Split('.')[0]) is AnswerableItem item && !item.Audience.HasFlag(Audience.Vendor),
        _ => false,
    };

    private int StepOf(int node)
    {
        while (_parents[node] >= 0)
            node = _parents[node];
        return node;
    }

    private static FlagSource[]? FlagSourcesOf(AnswerableItem item)
    {
        FlagSource?[] sources = item is RepeatItem repeat
            ? [.. repeat.Items.Select(sub => FlagSource.For(sub, item.Key, sub.Id))]
            : [FlagSource.For(item, item.Key, null)];
        var present = sources.OfType<FlagSource>().ToArray();
        return present.Length > 0 ? present : null;
    }

    private static void RaiseFlags(FlagSource[] sources, AnswerValue value, List<RaisedFinding> findings)
    {
        foreach (var source in sources)
        {
            var start = findings.Count;
            if (source.SubItemId is null)
            {
                Raise(source, value, findings, start);
                continue;
            }
            if (value is not RepeatValue repeat)
                continue;
            foreach (var entry in repeat.Entries)
            {
                if (entry.TryGetValue(source.SubItemId, out var subValue))
                    Raise(source, subValue, findings, start);
            }
        }
    }

    private static void Raise(FlagSource source, AnswerValue value, List<RaisedFinding> findings, int start)
    {
        switch (value)
        {
            case ChoiceValue choice:
                Raise(source, choice.OptionId, findings, start);
                break;
            case ChoicesValue choices:
                foreach (var id in choices.OptionIds)
                    Raise(source, id, findings, start);
                break;
        }
    }

    private static void Raise(FlagSource source, string answerId, List<RaisedFinding> findings, int start)
    {
        if (!source.ByAnswerId.TryGetValue(answerId, out var finding))
            return;
        // Several repeat entries may choose the same flagged answer: one finding says it.
        for (var i = start; i < findings.Count; i++)
        {
            if (ReferenceEquals(findings[i], finding))
                return;
        }
        findings.Add(finding);
    }
}
