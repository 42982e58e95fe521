namespace Diligence.Core.Definitions;

/// <summary>A structured condition: <see cref="AllCondition"/>, <see cref="AnyCondition"/>, <see cref="NotCondition"/> or <see cref="LeafCondition"/>.</summary>
public abstract record Condition : DefinitionNode;
