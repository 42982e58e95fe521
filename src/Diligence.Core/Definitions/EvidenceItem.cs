namespace Diligence.Core.Definitions;

public sealed record EvidenceItem : AnswerableItem
{
    public override ItemType Type => ItemType.Evidence;
}
