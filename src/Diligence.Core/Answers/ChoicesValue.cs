namespace Diligence.Core.Answers;

/// <summary>The option ids chosen in a multi-choice, in the order given.</summary>
public sealed record ChoicesValue(IReadOnlyList<string> OptionIds) : AnswerValue
{
    public override bool IsEmpty => OptionIds.Count == 0;

    public bool Equals(ChoicesValue? other) => other is not null && OptionIds.SequenceEqual(other.OptionIds);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var id in OptionIds)
            hash.Add(id);
        return hash.ToHashCode();
    }
}
