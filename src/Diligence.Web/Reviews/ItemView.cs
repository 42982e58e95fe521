using Diligence.Core.Definitions;
using Diligence.Core.Evaluation;

namespace Diligence.Web.Reviews;

/// <summary>Everything one item partial needs to render an item, whoever is answering.</summary>
public sealed record ItemView(
    AnswerableItem Item,
    string Name,
    FieldValues Values,
    bool Visible,
    bool Required,
    int Version,
    IReadOnlyList<string> Errors,
    ItemSaveOutcome.Conflict? Conflict,
    bool ReadOnly,
    IReadOnlyList<MatrixColumn> Columns,
    int Entries,
    string? Ask,
    ProvenanceView? Provenance = null,
    IReadOnlyList<RaisedFinding>? Findings = null,
    RemovedEntry? Removed = null)
{
    public string Id => Item.Id;

    /// <summary>The base field name: <c>a.{item}</c>, or <c>a.{repeat}[n].{sub}</c> inside a repeat entry.</summary>
    public string FieldId => FieldNames.ElementId(Name);

    public string PartName(string part) => Name + "." + part;

    public string PartId(string part) => FieldNames.ElementId(Name + "." + part);

    /// <summary>The view of a repeat sub-item inside entry <paramref name="index"/>.</summary>
    public ItemView ForEntry(AnswerableItem sub, int index) => this with
    {
        Item = sub,
        Name = FieldNames.Entry(Item.Id, index, sub.Id),
        Required = sub.Required,
        Errors = [],
        Conflict = null,
        Columns = [],
        Entries = 0,
        Ask = null,
        Provenance = null,
        Findings = null,
        Removed = null,
    };

    /// <summary>Whether some answer to this item asks for an explanation, so the page has a place to show it when asked.</summary>
    public bool MayAsk => Item switch
    {
        YesNoNaItem yesNo => yesNo.Flags.Values.Any(f => f.Ask is not null),
        ChoiceItem choice => choice.Options.Any(o => o.Flag?.Ask is not null),
        _ => false,
    };

    /// <summary>
    /// One line that says what repeat entry <paramref name="index"/> holds (its first answers, options by label), so a
    /// closed entry still shows the committee's reading of it.
    /// </summary>
    public string EntrySummary(int index)
    {
        var parts = new List<string>();
        foreach (var sub in ((RepeatItem)Item).Items)
        {
            var values = Values.All(FieldNames.Entry(Item.Id, index, sub.Id)).Where(v => v.Length > 0).ToList();
            if (values.Count == 0)
                continue;
            parts.Add(sub is ChoiceItem choice
                ? string.Join(", ", values.Select(v => choice.Options.FirstOrDefault(o => o.Id == v)?.Label ?? v))
                : values[0].Length <= 40 ? values[0] : values[0][..40] + "…");
            if (parts.Count == 4)
                break;
        }
        return string.Join(" · ", parts);
    }

    /// <summary>The as-of date and note an answer carries, shown in the closed disclosure's summary.</summary>
    public string? AsOf => Values.One(PartName("asOf")) is { Length: > 0 } date ? date : null;

    public string? Note => Values.One(PartName("note")) is { Length: > 0 } note ? note : null;

    public string ExtraSummary => AsOf is null && Note is null
        ? "Add a date or note"
        : string.Join(" · ", new[] { AsOf is null ? null : $"As of {AsOf}", Note is null ? null : "Note" }.OfType<string>());

    /// <summary>The item's own element; inside a repeat entry, its field name keeps it unique.</summary>
    public string ElementId => FieldId + "-item";

    public string HelpId => FieldId + "-help";

    public string ErrorId => FieldId + "-error";

    /// <summary>The ids the main control is described by: its help and its errors.</summary>
    public string? DescribedBy =>
        string.Join(' ', new[] { Item.Help is null ? null : HelpId, Errors.Count == 0 ? null : ErrorId }
            .Where(s => s is not null)) is { Length: > 0 } ids ? ids : null;
}
