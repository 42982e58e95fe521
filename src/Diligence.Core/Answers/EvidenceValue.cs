namespace Diligence.Core.Answers;

public sealed record EvidenceValue(EvidenceReference Reference) : AnswerValue
{
    public override bool IsEmpty => false;
}
