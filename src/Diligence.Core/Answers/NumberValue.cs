namespace Diligence.Core.Answers;

public sealed record NumberValue(decimal Number) : AnswerValue
{
    public override bool IsEmpty => false;
}
