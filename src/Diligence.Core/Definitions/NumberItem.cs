namespace Diligence.Core.Definitions;

public sealed record NumberItem : AnswerableItem
{
    public override ItemType Type => ItemType.Number;

    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    public bool Integer { get; init; }

    public string? Unit { get; init; }
}
