namespace Diligence.Core.Answers;

public sealed record DateValue(DateOnly Date) : AnswerValue
{
    public override bool IsEmpty => false;
}
