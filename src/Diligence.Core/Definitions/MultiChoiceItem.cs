namespace Diligence.Core.Definitions;

public sealed record MultiChoiceItem : ChoiceItem
{
    public override ItemType Type => ItemType.MultiChoice;

    public int? Min { get; init; }

    public int? Max { get; init; }
}
