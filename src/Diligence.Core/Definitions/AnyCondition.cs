namespace Diligence.Core.Definitions;

public sealed record AnyCondition(IReadOnlyList<Condition> Conditions) : Condition;
