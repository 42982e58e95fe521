namespace Diligence.Core.Definitions;

public sealed record AllCondition(IReadOnlyList<Condition> Conditions) : Condition;
