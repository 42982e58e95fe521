namespace Diligence.Core.Answers;

/// <summary>A yes-no-na answer (<c>yes</c>, <c>no</c>, <c>na</c>) or a single-choice option id (or <c>other</c>).</summary>
public sealed record ChoiceValue(string OptionId) : AnswerValue
{
    public override bool IsEmpty => string.IsNullOrWhiteSpace(OptionId);
}
