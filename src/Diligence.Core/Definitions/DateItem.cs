namespace Diligence.Core.Definitions;

public sealed record DateItem : AnswerableItem
{
    public override ItemType Type => ItemType.Date;

    public DateBound? Min { get; init; }

    public DateBound? Max { get; init; }
}
