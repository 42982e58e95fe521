using Diligence.Core.Yaml;

namespace Diligence.Core.Definitions;

/// <summary>A leaf condition with the nodes it was read from, kept until every item is known and it can be checked.</summary>
internal sealed record LeafSource(
    LeafCondition Leaf,
    ScalarNode Question,
    ScalarNode Operator,
    Node? Value,
    ConditionUse Use,
    int StepIndex);
