namespace Diligence.Core.Definitions;

/// <summary>Markdown text shown between questions; takes no answer.</summary>
public sealed record DisplayItem : Item
{
    public override ItemType Type => ItemType.Display;

    public required string Text { get; init; }
}
