namespace Diligence.Core.Definitions;

/// <summary>Holds when none of <see cref="Conditions"/> holds (<c>not: c</c> is a list of one).</summary>
public sealed record NotCondition(IReadOnlyList<Condition> Conditions) : Condition;
