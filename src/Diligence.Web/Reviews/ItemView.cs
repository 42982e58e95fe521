using Diligence.Core.Definitions;

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
        Removed = null,
    };

    public string HelpId => FieldId + "-help";

    public string ErrorId => FieldId + "-error";

    /// <summary>The ids the main control is described by: its help and its errors.</summary>
    public string? DescribedBy =>
        string.Join(' ', new[] { Item.Help is null ? null : HelpId, Errors.Count == 0 ? null : ErrorId }
            .Where(s => s is not null)) is { Length: > 0 } ids ? ids : null;
}
