namespace Diligence.Core.Definitions;

public sealed record MarkdownItem : AnswerableItem
{
    public override ItemType Type => ItemType.Markdown;

    public int? MaxLength { get; init; }
}
