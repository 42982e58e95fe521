namespace Diligence.Core.Definitions;

public sealed record Group : Item
{
    public override ItemType Type => ItemType.Group;

    public required string Title { get; init; }

    public required IReadOnlyList<Item> Items { get; init; }
}
