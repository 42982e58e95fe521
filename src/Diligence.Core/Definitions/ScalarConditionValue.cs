namespace Diligence.Core.Definitions;

public sealed record ScalarConditionValue(string Text) : ConditionValue;
