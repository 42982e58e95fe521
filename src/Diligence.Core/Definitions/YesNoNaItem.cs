namespace Diligence.Core.Definitions;

public sealed record YesNoNaItem : AnswerableItem
{
    public const string Yes = "yes";
    public const string No = "no";
    public const string NotApplicable = "na";

    public static IReadOnlyList<string> AnswerIds { get; } = [Yes, No, NotApplicable];

    public override ItemType Type => ItemType.YesNoNa;

    public bool Justification { get; init; }

    /// <summary>Flag per answer id (yes, no, na).</summary>
    public IReadOnlyDictionary<string, Flag> Flags { get; init; } = new Dictionary<string, Flag>();

    public static bool IsAnswerId(string id) => id is Yes or No or NotApplicable;
}
