namespace Diligence.Interchange;

/// <summary>The shape of an answers workbook: a header sheet, then one sheet per step with these columns.</summary>
public static class WorkbookLayout
{
    public const string HeaderSheet = "answers-file";

    /// <summary>The hidden sheet holding each choice question's option ids, one column each, that its drop-down lists.</summary>
    public const string ChoicesSheet = "choice-lists";

    public static IReadOnlyList<string> HeaderRows { get; } = ["questionnaire", "version", "vendor", "product", "asOf"];

    public static IReadOnlyList<string> Columns { get; } =
        ["key", "prompt", "answer", "other", "justification", "explanation", "note", "evidence", "asOf"];

    /// <summary>More rows than this, over all sheets, are refused unread.</summary>
    public const int MaxRows = 10_000;

    /// <summary>
    /// The prompt of a continuation row: same key as the row above, its cells carrying on that row's text where a cell
    /// was full.
    /// </summary>
    public const string Continued = "(continued from the row above)";

    public const int KeyColumn = 1;
    public const int AnswerColumn = 3;

    private const int MaxSheetName = 31;

    private const string StepNamePrefix = "diligence_step_";

    /// <summary>
    /// Each step's sheet name: its id made a name Excel accepts (at most 31 characters, none of []:*?/\, no apostrophe at
    /// either end, not the header or choices sheet's name nor Excel's reserved "History"), then made unique, ignoring case as Excel
    /// does, with a "~2" suffix: ids that share their first 31 characters, or a step called answers-file, get a sheet.
    /// </summary>
    public static IReadOnlyDictionary<string, string> SheetNames(IEnumerable<string> stepIds)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { HeaderSheet, ChoicesSheet, "History" };
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in stepIds)
        {
            var clean = Clean(id);
            var name = clean;
            for (var n = 2; !taken.Add(name); n++)
            {
                var suffix = $"~{n}";
                name = clean[..Math.Min(clean.Length, MaxSheetName - suffix.Length)] + suffix;
            }
            names[id] = name;
        }
        return names;
    }

    /// <summary>
    /// The workbook-level name that points at step <paramref name="index"/>'s sheet (its cell A1). Excel and Calc rewrite
    /// a name's reference when the sheet is renamed, so the step is still found by it.
    /// </summary>
    public static string StepName(int index) => StepNamePrefix + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The step index a workbook-level name points at, or null for any other name.</summary>
    public static int? StepIndexOf(string name) =>
        name.StartsWith(StepNamePrefix, StringComparison.Ordinal)
        && int.TryParse(name.AsSpan(StepNamePrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
        && number > 0
            ? number - 1
            : null;

    private static string Clean(string id)
    {
        var name = new string([.. id.Select(c => c is '[' or ']' or ':' or '*' or '?' or '/' or '\\' ? '-' : c)]).Trim('\'');
        name = name.Length > MaxSheetName ? name[..MaxSheetName] : name;
        return name.Length == 0 ? "step" : name;
    }

    public static string ColumnLetter(int column) => ((char)('A' + column - 1)).ToString();
}
