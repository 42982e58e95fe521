using System.Globalization;
using System.Text.Json;
using Diligence.Core.Answers;
using Diligence.Core.Definitions;
using Microsoft.Extensions.Primitives;

namespace Diligence.Web.Reviews;

/// <summary>
/// A repeat entry the user just removed: its item, where it was, and its fields named within the entry (like
/// <c>cert-framework</c>), so that Undo can put it back. It travels to the next page and back in the form itself.
/// </summary>
public sealed record RemovedEntry(string ItemId, int Index, IReadOnlyDictionary<string, string[]> Fields)
{
    /// <summary>The button that puts the entry back, and the hidden field that carries it.</summary>
    public const string UndoButton = "undo";

    public const string UndoField = "undo.entry";

    /// <summary>The entry a post's Remove button took out, as the form held it; null when the post removed nothing.</summary>
    public static RemovedEntry? FromRemove(IFormCollection form)
    {
        var key = form.Keys.FirstOrDefault(k => k.StartsWith(FieldNames.RemoveEntry(""), StringComparison.Ordinal));
        if (key is null || !int.TryParse(form[key], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return null;
        }
        var itemId = key[FieldNames.RemoveEntry("").Length..];
        var prefix = $"{FieldNames.EntryPrefix(itemId)}{index}].";
        var fields = form
            .Where(f => f.Key.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(f => f.Key[prefix.Length..], f => f.Value.Where(v => v is not null).Select(v => v!).ToArray(), StringComparer.Ordinal);
        return new RemovedEntry(itemId, index, fields);
    }

    /// <summary>The entry an Undo post carries back; null when the post is no Undo.</summary>
    public static RemovedEntry? FromUndo(IFormCollection form) =>
        form[UndoButton].Count == 1 && FromJson(form[UndoField]) is { } entry && entry.ItemId == form[UndoButton] ? entry : null;

    public string ToJson() => JsonSerializer.Serialize(this);

    public static RemovedEntry? FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<RemovedEntry>(json) is { ItemId: not null, Fields: not null, Index: >= 0 } entry ? entry : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The fields of <paramref name="repeat"/> as <paramref name="current"/> stands, with this entry back at its place
    /// (or last, when the list has since become shorter); the entries from there on move down one.
    /// </summary>
    public Func<string, StringValues> Restore(RepeatItem repeat, Answer? current)
    {
        var stored = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        AnswerFields.Write(repeat, current, stored);
        var count = new FieldValues(stored).EntryCount(repeat.Id);
        var at = Math.Min(Index, count);
        var prefix = FieldNames.EntryPrefix(repeat.Id);
        var fields = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        foreach (var (name, value) in stored)
        {
            if (FieldNames.TryEntryIndex(name, repeat.Id, out var index, out var rest) && index >= at)
            {
                fields[$"{prefix}{index + 1}{name[rest..]}"] = value;
            }
            else
            {
                fields[name] = value;
            }
        }
        foreach (var (name, values) in Fields)
        {
            fields[$"{prefix}{at}].{name}"] = values;
        }
        fields[FieldNames.Part(repeat.Id, "count")] = (count + 1).ToString(CultureInfo.InvariantCulture);
        return name => fields.TryGetValue(name, out var value) ? value : StringValues.Empty;
    }
}
