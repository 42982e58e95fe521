namespace Diligence.Core.Definitions;

public sealed record Step : DefinitionNode
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public string? Intro { get; init; }

    public Condition? VisibleWhen { get; init; }

    public required IReadOnlyList<Item> Items { get; init; }
}
