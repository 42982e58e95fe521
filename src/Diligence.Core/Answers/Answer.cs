namespace Diligence.Core.Answers;

/// <summary>
/// One answer: its value plus the answerer's <see cref="Other"/> text, <see cref="Justification"/>,
/// <see cref="Explanation"/> (to a flag's or rule's ask), <see cref="Note"/> (markdown), evidence and the date it was true.
/// </summary>
public sealed record Answer(
    AnswerValue Value,
    string? Other = null,
    string? Justification = null,
    string? Explanation = null,
    string? Note = null,
    IReadOnlyList<EvidenceReference>? Evidence = null,
    DateOnly? AsOf = null)
{
    public bool Equals(Answer? other) =>
        other is not null
        && Value.Equals(other.Value)
        && Other == other.Other
        && Justification == other.Justification
        && Explanation == other.Explanation
        && Note == other.Note
        && AsOf == other.AsOf
        && (Evidence ?? []).SequenceEqual(other.Evidence ?? []);

    public override int GetHashCode() => HashCode.Combine(Value, Other, Justification, Explanation, Note, AsOf, Evidence?.Count ?? 0);
}
