namespace Diligence.Core.Answers;

/// <summary>Text, markdown or URL.</summary>
public sealed record TextValue(string Text) : AnswerValue
{
    public override bool IsEmpty => string.IsNullOrWhiteSpace(Text);
}
