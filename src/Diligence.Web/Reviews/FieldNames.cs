using System.Globalization;

namespace Diligence.Web.Reviews;

/// <summary>
/// Form field names for answers, shared by the renderer, the form reader and autosave.js:
/// <c>a.{item}</c> for the value, <c>a.{item}.{part}</c> for its parts, <c>a.{item}[n].{sub}</c> for repeat
/// entries, <c>a.{item}.{row}.{column}</c> for matrix cells, <c>v.{item}</c> for the version the user edited.
/// </summary>
public static class FieldNames
{
    public static string Value(string itemId) => "a." + itemId;

    public static string Part(string itemId, string part) => "a." + itemId + "." + part;

    public static string Cell(string itemId, string rowId, string columnId) => "a." + itemId + "." + rowId + "." + columnId;

    public static string Entry(string itemId, int index, string subItemId) => $"a.{itemId}[{index}].{subItemId}";

    public static string EntryPart(string itemId, int index, string subItemId, string part) =>
        $"a.{itemId}[{index}].{subItemId}.{part}";

    public static string EntryPrefix(string itemId) => "a." + itemId + "[";

    /// <summary>
    /// The entry a field of repeat <paramref name="itemId"/> belongs to (<c>a.certs[3].type</c> → 3), and where the rest of
    /// its name starts (at the <c>]</c>); false for a field of anything else.
    /// </summary>
    public static bool TryEntryIndex(string fieldName, string itemId, out int index, out int rest)
    {
        var prefix = EntryPrefix(itemId);
        rest = fieldName.StartsWith(prefix, StringComparison.Ordinal) ? fieldName.IndexOf(']', prefix.Length) : -1;
        index = 0;
        return rest > 0 && int.TryParse(fieldName.AsSpan(prefix.Length, rest - prefix.Length), CultureInfo.InvariantCulture, out index);
    }

    public static string Version(string itemId) => "v." + itemId;

    public static string AddEntry(string itemId) => "add." + itemId;

    public static string RemoveEntry(string itemId) => "remove." + itemId;

    /// <summary>The id of a question's element on its step page: what a link to the question points at.</summary>
    public static string ItemElementId(string itemId) => ElementId(Value(itemId)) + "-item";

    /// <summary>The element id of repeat entry <paramref name="index"/>, which a page's fragment can name.</summary>
    public static string EntryId(string itemId, int index) => ElementId($"a.{itemId}[{index}]");

    /// <summary>The id an HTML element gets for a field name (ids cannot hold '[' or '.').</summary>
    public static string ElementId(string fieldName) =>
        "f-" + fieldName.Replace('.', '-').Replace('[', '-').Replace("]", "", StringComparison.Ordinal);
}
