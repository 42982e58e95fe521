namespace Diligence.Core.Definitions;

/// <summary>
/// <c>{ question, op, value }</c>. <see cref="Question"/> is an item id, or <c>repeatId.subItemId</c> for a repeat
/// sub-item (the leaf then holds when any entry satisfies it).
/// </summary>
public sealed record LeafCondition(string Question, ConditionOperator Operator, ConditionValue? Value) : Condition
{
    public bool RefersToSubItem => Question.Contains('.', StringComparison.Ordinal);
}
