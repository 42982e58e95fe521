namespace Diligence.Core.Definitions;

public sealed record MatrixColumn : DefinitionNode
{
    public required string Id { get; init; }

    public required string Label { get; init; }
}
