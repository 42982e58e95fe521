namespace Diligence.Core.Definitions;

public sealed record DateItem : AnswerableItem
{
    public override ItemType Type => ItemType.Date;

    public DateBound? Min { get; init; }

    public DateBound? Max { get; init; }

    /// <summary>The id of the date item whose answer is the earliest this one may be (<c>min: { item: pilot-start }</c>).</summary>
    public string? MinItem { get; init; }

    /// <summary>The id of the date item whose answer is the latest this one may be.</summary>
    public string? MaxItem { get; init; }
}
