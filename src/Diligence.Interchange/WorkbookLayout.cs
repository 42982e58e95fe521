namespace Diligence.Interchange;

/// <summary>The shape of an answers workbook: a header sheet, then one sheet per step with these columns.</summary>
public static class WorkbookLayout
{
    public const string HeaderSheet = "answers-file";

    public static IReadOnlyList<string> HeaderRows { get; } = ["questionnaire", "version", "vendor", "product", "asOf"];

    public static IReadOnlyList<string> Columns { get; } =
        ["key", "prompt", "answer", "other", "justification", "explanation", "note", "evidence", "asOf"];

    /// <summary>More rows than this, over all sheets, are refused unread.</summary>
    public const int MaxRows = 10_000;

    public const int KeyColumn = 1;
    public const int AnswerColumn = 3;

    /// <summary>Excel allows at most 31 characters in a sheet name.</summary>
    public static string SheetNameOf(string stepId) => stepId.Length <= 31 ? stepId : stepId[..31];

    public static string ColumnLetter(int column) => ((char)('A' + column - 1)).ToString();
}
