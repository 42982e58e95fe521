namespace Diligence.Core.Definitions;

public sealed record UrlItem : AnswerableItem
{
    public override ItemType Type => ItemType.Url;
}
