namespace Diligence.Core.Definitions;

public sealed record SingleChoiceItem : ChoiceItem
{
    public override ItemType Type => ItemType.SingleChoice;
}
