namespace Diligence.Core.Definitions;

/// <summary>Where a condition is written, which decides what it may refer to.</summary>
internal enum ConditionUse
{
    VisibleWhen,
    RequiredWhen,
    RuleFinding,
}
