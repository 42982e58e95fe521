using Diligence.Core.Yaml;

namespace Diligence.Core.Definitions;

/// <summary>
/// The checks that need every item: what conditions refer to (items, options, operators, values, later steps),
/// visibility cycles and matrix columns taken from a choice item.
/// </summary>
internal sealed class QuestionnaireChecker(DiagnosticBag bag, QuestionnaireReader reader)
{
    private readonly Dictionary<string, ItemPlace> _items = new(StringComparer.Ordinal);

    /// <summary>The steps, with matrix columns filled in from their choice items.</summary>
    public IReadOnlyList<Step> Check(QuestionnaireParts parts)
    {
        for (var i = 0; i < parts.Steps.Count; i++)
            Index(parts.Steps[i].Items, i, null);
        foreach (var leaf in reader.Leaves)
            CheckLeaf(leaf, parts.Steps);
        CheckCycles(parts.Steps);
        foreach (var bound in reader.DateItemBounds)
            CheckDateItemBound(bound);
        var columns = ResolveColumns();
        return columns.Count == 0 ? parts.Steps : [.. parts.Steps.Select(s => s with { Items = WithColumns(s.Items, columns) })];
    }

    private void Index(IReadOnlyList<Item> items, int stepIndex, RepeatItem? repeat)
    {
        foreach (var item in items)
        {
            _items.TryAdd(item.Id, new ItemPlace(item, stepIndex, repeat));
            switch (item)
            {
                case Group group:
                    Index(group.Items, stepIndex, null);
                    break;
                case RepeatItem inner:
                    Index(inner.Items, stepIndex, inner);
                    break;
            }
        }
    }

    private void CheckLeaf(LeafSource source, IReadOnlyList<Step> steps)
    {
        var question = source.Question.Text;
        var target = Resolve(source.Question);
        if (target is null)
            return;
        if (source.Use != ConditionUse.RuleFinding && target.StepIndex > source.StepIndex)
        {
            bag.Error(source.Question, $"condition refers to '{question}' in the later step '{steps[target.StepIndex].Id}'");
            return;
        }
        var item = target.Item;
        var op = source.Leaf.Operator;
        if (!ConditionOperatorNames.AppliesTo(op, item.Type))
        {
            bag.Error(source.Operator, $"operator '{source.Operator.Text}' does not apply to {ItemTypeNames.ToName(item.Type)} item '{question}'");
            return;
        }
        switch (source.Value)
        {
            case SequenceNode list:
                foreach (var value in list.Items.Cast<ScalarNode>())
                    CheckOption(item, question, value);
                break;
            case ScalarNode value when op is not (ConditionOperator.Empty or ConditionOperator.NotEmpty):
                CheckScalar(item, question, value, op);
                break;
        }
    }

    private ItemPlace? Resolve(ScalarNode questionNode)
    {
        var question = questionNode.Text;
        var dot = question.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            var repeatId = question[..dot];
            if (_items.TryGetValue(repeatId, out var repeatPlace) && repeatPlace.Item is RepeatItem repeat
                && repeat.FindSubItem(question[(dot + 1)..]) is { } subItem)
            {
                return repeatPlace with { Item = subItem };
            }
            if (!reader.UnreadableItemIds.Contains(repeatId) && !reader.UnreadableItemIds.Contains(question[(dot + 1)..]))
                bag.Error(questionNode, $"condition refers to unknown item '{question}'");
            return null;
        }
        if (!_items.TryGetValue(question, out var place))
        {
            if (!reader.UnreadableItemIds.Contains(question))
                bag.Error(questionNode, $"condition refers to unknown item '{question}'");
            return null;
        }
        if (place.Repeat is not null)
        {
            bag.Error(questionNode, $"condition refers to repeat sub-item '{question}'; write it as '{place.Repeat.Id}.{question}'");
            return null;
        }
        if (place.Item is not AnswerableItem)
        {
            bag.Error(questionNode, $"condition refers to {ItemTypeNames.ToName(place.Item.Type)} item '{question}', which takes no answer");
            return null;
        }
        return place;
    }

    private void CheckOption(Item item, string question, ScalarNode value)
    {
        var known = item switch
        {
            YesNoNaItem => YesNoNaItem.IsAnswerId(value.Text),
            ChoiceItem choice => choice.IsChoice(value.Text),
            _ => true,
        };
        if (!known)
            bag.Error(value, $"condition refers to unknown option '{value.Text}' of item '{question}'");
    }

    private void CheckScalar(Item item, string question, ScalarNode value, ConditionOperator op)
    {
        switch (item.Type)
        {
            case ItemType.YesNoNa or ItemType.SingleChoice:
            case ItemType.MultiChoice when op == ConditionOperator.Contains:
                CheckOption(item, question, value);
                break;
            case ItemType.Number when !FieldReader.TryNumber(value, out _):
                bag.Error(value, $"condition value '{value.Text}' must be a number for number item '{question}'");
                break;
            case ItemType.Date when !DateBound.TryParse(value.Text, out _):
                bag.Error(value, $"condition value '{value.Text}' must be a date (YYYY-MM-DD) or an ISO duration for date item '{question}'");
                break;
        }
    }

    private void CheckDateItemBound(DateItemBoundSource source)
    {
        var name = source.Item.Text;
        if (!_items.TryGetValue(name, out var place))
        {
            if (!reader.UnreadableItemIds.Contains(name))
                bag.Error(source.Item, $"'{source.Field}' refers to unknown item '{name}'");
            return;
        }
        if (name == source.DateItemId)
            bag.Error(source.Item, $"'{source.Field}' of date item '{name}' refers to itself");
        else if (place.Item is not DateItem)
            bag.Error(source.Item, $"'{source.Field}' must name a date item; '{name}' is a {ItemTypeNames.ToName(place.Item.Type)} item");
        else if (place.Repeat is not null)
            bag.Error(source.Item, $"'{source.Field}' refers to '{name}', a sub-item of repeat '{place.Repeat.Id}', which has one answer per entry");
    }

    private void CheckCycles(IReadOnlyList<Step> steps)
    {
        var graph = VisibilityGraph.Build(steps);
        foreach (var cycle in graph.FindCycles())
        {
            var first = graph.Nodes[cycle[0]];
            bag.Error(first.Line, first.Column, $"visibility condition cycle: {string.Join(" -> ", cycle.Select(n => graph.Ids[n]))}");
        }
    }

    private Dictionary<string, IReadOnlyList<MatrixColumn>> ResolveColumns()
    {
        var columns = new Dictionary<string, IReadOnlyList<MatrixColumn>>(StringComparer.Ordinal);
        foreach (var (matrixId, from) in reader.ColumnSources)
        {
            if (!_items.TryGetValue(from.Text, out var place))
            {
                if (!reader.UnreadableItemIds.Contains(from.Text))
                    bag.Error(from, $"'columns.from' refers to unknown item '{from.Text}'");
                continue;
            }
            if (place.Item is not ChoiceItem choice)
            {
                bag.Error(from, $"'columns.from' must name a choice item; '{from.Text}' is a {ItemTypeNames.ToName(place.Item.Type)} item");
                continue;
            }
            columns[matrixId] = [.. choice.Options.Select(o => new MatrixColumn { Id = o.Id, Label = o.Label, Line = o.Line, Column = o.Column })];
        }
        return columns;
    }

    private static List<Item> WithColumns(IReadOnlyList<Item> items, Dictionary<string, IReadOnlyList<MatrixColumn>> columns) =>
        [.. items.Select(item => item switch
        {
            MatrixItem matrix when matrix.ColumnsFrom is not null && columns.TryGetValue(matrix.Id, out var resolved) => matrix with { Columns = resolved },
            Group group => group with { Items = WithColumns(group.Items, columns) },
            _ => item,
        })];

    private sealed record ItemPlace(Item Item, int StepIndex, RepeatItem? Repeat);
}
