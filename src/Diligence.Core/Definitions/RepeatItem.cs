namespace Diligence.Core.Definitions;

/// <summary>A list of entries, each answering the same sub-items (answered inside the repeat's answer, by sub-item id).</summary>
public sealed record RepeatItem : AnswerableItem
{
    public override ItemType Type => ItemType.Repeat;

    public required IReadOnlyList<AnswerableItem> Items { get; init; }

    public int? Min { get; init; }

    public int? Max { get; init; }

    public string? EntryLabel { get; init; }

    public AnswerableItem? FindSubItem(string id) => Items.FirstOrDefault(i => i.Id == id);
}
