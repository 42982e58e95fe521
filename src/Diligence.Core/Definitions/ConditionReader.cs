using Diligence.Core.Yaml;

namespace Diligence.Core.Definitions;

/// <summary>Reads the structure of conditions; what leaves refer to is checked once every item is known.</summary>
internal sealed class ConditionReader(DiagnosticBag bag)
{
    private static readonly string[] _leafFields = ["question", "op", "value"];

    public List<LeafSource> Leaves { get; } = [];

    public Condition? Read(Node node, ConditionUse use, int stepIndex)
    {
        if (node is not MappingNode mapping)
        {
            bag.Error(node, $"a condition must be a mapping, not {node.Description}");
            return null;
        }
        string[] kinds = ["all", "any", "not", "question"];
        var present = kinds.Where(mapping.Contains).ToList();
        if (present.Count == 0)
        {
            bag.Error(mapping, "a condition needs one of 'all', 'any', 'not' or 'question'");
            return null;
        }
        if (present.Count > 1)
        {
            bag.Error(mapping, $"a condition takes only one of 'all', 'any', 'not' or 'question', not {string.Join(" and ", present.Select(p => $"'{p}'"))}");
            return null;
        }
        var kind = present[0];
        if (kind == "question")
            return ReadLeaf(mapping, use, stepIndex);

        _ = new FieldReader(mapping, bag, [kind]);
        var body = mapping[kind]!;
        if (kind == "not" && body is MappingNode)
        {
            var single = Read(body, use, stepIndex);
            return single is null ? null : new NotCondition([single]) { Line = mapping.Line, Column = mapping.Column };
        }
        if (body is not SequenceNode list)
        {
            bag.Error(body, kind == "not"
                ? "'not' must be a condition or a list of conditions"
                : $"'{kind}' must be a list of conditions, not {body.Description}");
            return null;
        }
        if (list.Items.Count == 0)
        {
            bag.Error(list, $"'{kind}' must not be empty");
            return null;
        }
        var children = new List<Condition>();
        var complete = true;
        foreach (var item in list.Items)
        {
            var child = Read(item, use, stepIndex);
            if (child is null)
                complete = false;
            else
                children.Add(child);
        }
        if (!complete)
            return null;
        return kind switch
        {
            "all" => new AllCondition(children) { Line = mapping.Line, Column = mapping.Column },
            "any" => new AnyCondition(children) { Line = mapping.Line, Column = mapping.Column },
            _ => new NotCondition(children) { Line = mapping.Line, Column = mapping.Column },
        };
    }

    private LeafCondition? ReadLeaf(MappingNode mapping, ConditionUse use, int stepIndex)
    {
        var fields = new FieldReader(mapping, bag, _leafFields);
        var question = fields.TextNode("question", required: true);
        var opNode = fields.TextNode("op", required: true);
        var valueNode = fields.Node("value");
        if (question is null || opNode is null)
            return null;
        if (!ConditionOperatorNames.TryParse(opNode.Text, out var op))
        {
            bag.Error(opNode, $"unknown operator '{opNode.Text}'; expected one of: {string.Join(", ", ConditionOperatorNames.All)}");
            return null;
        }
        var opName = opNode.Text;
        ConditionValue? value = null;
        switch (op)
        {
            case ConditionOperator.Empty or ConditionOperator.NotEmpty:
                if (valueNode is not null)
                {
                    bag.Error(valueNode, $"operator '{opName}' takes no value");
                    return null;
                }
                break;
            case ConditionOperator.AnyOf or ConditionOperator.AllOf or ConditionOperator.NoneOf:
                if (valueNode is not SequenceNode { Items.Count: > 0 } list || list.Items.Any(i => i is not ScalarNode { IsNull: false }))
                {
                    bag.Error(valueNode ?? mapping, $"operator '{opName}' needs a list of option ids");
                    return null;
                }
                value = new ListConditionValue([.. list.Items.Cast<ScalarNode>().Select(s => s.Text)]);
                break;
            default:
                if (valueNode is null)
                {
                    bag.Error(mapping, $"operator '{opName}' needs a value");
                    return null;
                }
                if (valueNode is not ScalarNode { IsNull: false } scalar)
                {
                    bag.Error(valueNode, $"operator '{opName}' needs a single value, not {valueNode.Description}");
                    return null;
                }
                value = new ScalarConditionValue(scalar.Text);
                break;
        }
        var leaf = new LeafCondition(question.Text, op, value) { Line = mapping.Line, Column = mapping.Column };
        Leaves.Add(new LeafSource(leaf, question, opNode, valueNode, use, stepIndex));
        return leaf;
    }
}
