namespace Diligence.Core.Definitions;

public abstract record ChoiceItem : AnswerableItem
{
    /// <summary>The answer id of the "Other, explain" choice offered by <see cref="AllowOther"/>.</summary>
    public const string OtherId = "other";

    public required IReadOnlyList<Option> Options { get; init; }

    public bool AllowOther { get; init; }

    public Option? FindOption(string id)
    {
        foreach (var option in Options)
        {
            if (option.Id == id)
                return option;
        }
        return null;
    }

    /// <summary>True for a listed option, and for <c>other</c> when <see cref="AllowOther"/> is set.</summary>
    public bool IsChoice(string id) => FindOption(id) is not null || (AllowOther && id == OtherId);
}
