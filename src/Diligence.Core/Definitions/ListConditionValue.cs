namespace Diligence.Core.Definitions;

public sealed record ListConditionValue(IReadOnlyList<string> Items) : ConditionValue;
