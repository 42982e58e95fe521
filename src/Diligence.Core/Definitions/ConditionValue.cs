namespace Diligence.Core.Definitions;

/// <summary>A leaf's value as written; its meaning (option id, text, number, date) follows from the item's type.</summary>
public abstract record ConditionValue;
