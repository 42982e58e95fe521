namespace Diligence.Core.Answers;

/// <summary>
/// The value of an answer. Values compare by content, so two answers read from different places are equal when
/// they say the same thing.
/// </summary>
public abstract record AnswerValue
{
    /// <summary>Blank text and empty lists, tables and entry lists read as unanswered.</summary>
    public abstract bool IsEmpty { get; }
}
