using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Diligence.Core;
using Diligence.Core.Answers;
using Diligence.Core.Definitions;
using Diligence.Core.Evaluation;

namespace Diligence.Interchange;

/// <summary>
/// Reads an answers workbook back into an <see cref="AnswerSheet"/>. Its package is checked before it is loaded (parts,
/// unpacked size, rows, cell length: <see cref="WorkbookPackage"/>), then its shape (sheets, headings, no formulas or
/// merged cells); then each row becomes one line of an answers file that Core's
/// <see cref="AnswersLoader"/> reads, so a workbook is validated exactly like YAML, and each problem is reported at its
/// sheet, row and column. Any problem: no sheet, nothing imported.
/// </summary>
public static partial class WorkbookImporter
{
    public const string NotAWorkbook = "The file is not an Excel workbook (.xlsx).";

    private static readonly JsonSerializerOptions _relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] _parts = ["other", "justification", "explanation", "note", "evidence", "asOf"];

    /// <summary>
    /// Reads a workbook for <paramref name="audience"/> (see <see cref="AnswersLoader"/>: a vendor library takes vendor
    /// items only); date bounds are checked relative to <paramref name="today"/>, or the workbook's asOf when null.
    /// <paramref name="content"/> must be seekable.
    /// </summary>
    public static (AnswerSheet? Sheet, IReadOnlyList<string> Problems) Read(
        Stream content, QuestionnaireEvaluator evaluator, DateOnly? today, Audience audience)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        var questionnaire = evaluator.Questionnaire;
        if (WorkbookPackage.Check(content) is { } refused)
        {
            return (null, [refused]);
        }
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(content);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (null, [NotAWorkbook]);
        }
        using (workbook)
        {
            var problems = CheckShape(workbook, questionnaire);
            if (problems.Count > 0)
            {
                return (null, problems);
            }
            var (yaml, origins) = ToYaml(workbook, questionnaire);
            var result = AnswersLoader.Load(yaml, "workbook", evaluator, today, audience);
            var errors = result.Diagnostics.Where(d => d.Level == DiagnosticLevel.Error).Select(d => Locate(d, origins)).ToList();
            return errors.Count > 0 || result.Value is null ? (null, errors) : (result.Value, []);
        }
    }

    private static List<string> CheckShape(XLWorkbook workbook, Questionnaire questionnaire)
    {
        var problems = new List<string>();
        var steps = StepSheetsOf(workbook, questionnaire);
        if (!workbook.Worksheets.TryGetWorksheet(WorkbookLayout.HeaderSheet, out _))
        {
            problems.Add($"The workbook has no sheet '{WorkbookLayout.HeaderSheet}'.");
        }
        foreach (var worksheet in workbook.Worksheets)
        {
            var name = worksheet.Name;
            // The exporter's drop-down lists: never read, so whatever a person does to them changes no answer.
            if (name == WorkbookLayout.ChoicesSheet)
            {
                continue;
            }
            if (name != WorkbookLayout.HeaderSheet && !steps.Contains(name))
            {
                problems.Add($"Sheet '{name}' is not a step of {questionnaire.Id} {questionnaire.Version}; remove it.");
                continue;
            }
            if (worksheet.MergedRanges.FirstOrDefault() is { } merged)
            {
                problems.Add($"Sheet '{name}' has merged cells ({merged.RangeAddress.ToStringRelative()}); unmerge them.");
            }
            if (worksheet.CellsUsed(c => c.HasFormula).FirstOrDefault() is { } formula)
            {
                problems.Add($"Sheet '{name}', cell {formula.Address.ToStringRelative()} holds a formula; enter values only.");
            }
            if (name == WorkbookLayout.HeaderSheet)
            {
                continue;
            }
            for (var c = 1; c <= WorkbookLayout.Columns.Count; c++)
            {
                var heading = CellText(worksheet.Cell(1, c));
                if (heading != WorkbookLayout.Columns[c - 1])
                {
                    problems.Add($"Sheet '{name}', column {WorkbookLayout.ColumnLetter(c)}: expected the heading '{WorkbookLayout.Columns[c - 1]}', found '{heading}'.");
                }
            }
            if (worksheet.LastColumnUsed()?.ColumnNumber() is > 9 and var last)
            {
                problems.Add($"Sheet '{name}' has a column {WorkbookLayout.ColumnLetter(Math.Min(last, 26))} beyond '{WorkbookLayout.Columns[^1]}'; remove it.");
            }
        }
        return problems;
    }

    /// <summary>
    /// The sheets that hold steps: those the workbook's step names point at (so a renamed sheet is still its step), and
    /// for a workbook without them, the sheets named as the exporter names each step.
    /// </summary>
    private static HashSet<string> StepSheetsOf(XLWorkbook workbook, Questionnaire questionnaire)
    {
        var sheets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in workbook.NamedRanges)
        {
            if (WorkbookLayout.StepIndexOf(name.Name) is { } index && index < questionnaire.Steps.Count
                && name.Ranges.FirstOrDefault()?.Worksheet is { } worksheet)
            {
                sheets.Add(worksheet.Name);
            }
        }
        if (sheets.Count == 0)
        {
            sheets.UnionWith(WorkbookLayout.SheetNames(questionnaire.Steps.Select(s => s.Id)).Values);
        }
        return sheets;
    }

    /// <summary>An answers file with one line per answered row, and for each line the cells its text came from.</summary>
    private static (string Yaml, Dictionary<int, RowOrigin> Origins) ToYaml(XLWorkbook workbook, Questionnaire questionnaire)
    {
        var yaml = new StringBuilder();
        var origins = new Dictionary<int, RowOrigin>();
        var header = workbook.Worksheet(WorkbookLayout.HeaderSheet);
        string Fact(int row) => CellText(header.Cell(row, 2));
        yaml.Append("questionnaire: { id: ").Append(Json(Fact(1))).Append(", version: ").Append(Json(Fact(2))).Append(" }\n");
        if (Fact(3).Length > 0 || Fact(4).Length > 0)
        {
            yaml.Append("vendor: {");
            yaml.Append(Fact(3).Length > 0 ? $" name: {Json(Fact(3))}," : "");
            yaml.Append(Fact(4).Length > 0 ? $" product: {Json(Fact(4))}" : "").Append(" }\n");
        }
        if (Fact(5).Length > 0)
        {
            yaml.Append("asOf: ").Append(Json(Fact(5))).Append('\n');
        }
        yaml.Append("answers:\n");
        var line = yaml.ToString().Count(c => c == '\n') + 1;
        foreach (var worksheet in workbook.Worksheets.Where(w => w.Name is not (WorkbookLayout.HeaderSheet or WorkbookLayout.ChoicesSheet)))
        {
            foreach (var (row, key, cells) in AnswerRowsOf(worksheet))
            {
                var text = new StringBuilder("  ").Append(Json(key)).Append(": { value: ");
                var spans = new List<(int Start, int Column)> { (text.Length + 1, WorkbookLayout.AnswerColumn) };
                text.Append(ValueYaml(questionnaire.FindItemByKey(key), cells[0]));
                for (var p = 0; p < _parts.Length; p++)
                {
                    var cell = cells[p + 1];
                    if (cell.Length > 0)
                    {
                        text.Append(", ").Append(_parts[p]).Append(": ");
                        spans.Add((text.Length + 1, WorkbookLayout.AnswerColumn + 1 + p));
                        text.Append(_parts[p] == "evidence" ? Flow(cell) : Json(cell));
                    }
                }
                yaml.Append(text).Append(" }\n");
                origins[line++] = new RowOrigin(worksheet.Name, row, spans);
            }
        }
        return (yaml.ToString(), origins);
    }

    /// <summary>
    /// Each answered row of a step sheet: its number, key, and its answer and part cells (answer, other, justification,
    /// explanation, note, evidence, asOf), with the cells of its continuation rows (same key, prompt
    /// <see cref="WorkbookLayout.Continued"/>) appended to them, where a text too long for one cell goes on.
    /// </summary>
    private static IEnumerable<(int Row, string Key, string[] Cells)> AnswerRowsOf(IXLWorksheet worksheet)
    {
        var last = worksheet.LastRowUsed()?.RowNumber() ?? 1;
        var rows = new List<(int Row, string Key, string[] Cells)>();
        for (var row = 2; row <= last; row++)
        {
            var key = CellText(worksheet.Cell(row, WorkbookLayout.KeyColumn));
            var cells = Enumerable.Range(WorkbookLayout.AnswerColumn, _parts.Length + 1)
                .Select(column => CellText(worksheet.Cell(row, column))).ToArray();
            if (rows.Count > 0 && key == rows[^1].Key
                && CellText(worksheet.Cell(row, WorkbookLayout.KeyColumn + 1)) == WorkbookLayout.Continued)
            {
                for (var c = 0; c < cells.Length; c++)
                {
                    rows[^1].Cells[c] += cells[c];
                }
                continue;
            }
            rows.Add((row, key, cells));
        }
        return rows.Where(r => r.Key.Length > 0 && r.Cells[0].Length > 0);
    }

    /// <summary>
    /// A cell as the text a person sees in it, the same on every machine: what Excel or Calc stored as a date (a date typed
    /// into a General cell) as yyyy-MM-dd, numbers in invariant form (2.5, never "2,5" as a German machine would format
    /// it), booleans as true and false, text as it is.
    /// </summary>
    internal static string CellText(IXLCell cell) => cell.IsEmpty() ? "" : cell.DataType switch
    {
        XLDataType.DateTime when cell.GetDateTime() is var date && date.TimeOfDay == TimeSpan.Zero =>
            date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        XLDataType.DateTime => cell.GetDateTime().ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        XLDataType.Number => cell.GetDouble().ToString("R", CultureInfo.InvariantCulture),
        XLDataType.Boolean => cell.GetBoolean() ? "true" : "false",
        XLDataType.TimeSpan => cell.GetTimeSpan().ToString("c", CultureInfo.InvariantCulture),
        _ => cell.GetString(),
    };

    /// <summary>
    /// The cell as the YAML value the item's type expects. Every piece of cell text goes in escaped as a quoted string
    /// unless it was read as what it claims to be (a number, JSON), so no cell can add fields to the answer; a cell that
    /// does not fit is left for the loader to report, as a string.
    /// </summary>
    private static string ValueYaml(AnswerableItem? item, string cell) => item switch
    {
        MultiChoiceItem => "[" + string.Join(", ", cell.Split(',').Select(id => Json(id.Trim()))) + "]",
        MatrixItem or RepeatItem or EvidenceItem => Flow(cell),
        NumberItem when NumberText(cell) is { } number => number,
        _ => Json(cell),
    };

    /// <summary>
    /// A number cell's text in invariant form: 2.5, or 1,500 with thousands grouped by commas (as 1500). A comma that
    /// cannot be a thousands separator ("1,5", a German decimal) is not read as anything: the loader says it is not a number.
    /// </summary>
    private static string? NumberText(string cell)
    {
        var text = cell.Trim();
        var style = GroupedThousands().IsMatch(text) ? NumberStyles.Float | NumberStyles.AllowThousands : NumberStyles.Float;
        return decimal.TryParse(text, style, CultureInfo.InvariantCulture, out var number)
            ? number.ToString(CultureInfo.InvariantCulture)
            : null;
    }

    [GeneratedRegex(@"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")]
    private static partial Regex GroupedThousands();

    /// <summary>JSON (tables, entries, evidence) rewritten as YAML flow with a space after every colon; other text as is.</summary>
    private static string Flow(string cell)
    {
        try
        {
            using var document = JsonDocument.Parse(cell);
            return Flow(document.RootElement);
        }
        catch (JsonException)
        {
            return Json(cell);
        }
    }

    private static string Flow(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "{ " + string.Join(", ", element.EnumerateObject().Select(p => Json(p.Name) + ": " + Flow(p.Value))) + " }",
        JsonValueKind.Array => "[" + string.Join(", ", element.EnumerateArray().Select(Flow)) + "]",
        JsonValueKind.String => Json(element.GetString()!),
        _ => element.GetRawText(),
    };

    // A JSON string is a YAML double-quoted scalar; relaxed escaping keeps non-ASCII text as it is.
    private static string Json(string text) => JsonSerializer.Serialize(text, _relaxed);

    private static string Locate(Diagnostic diagnostic, Dictionary<int, RowOrigin> origins)
    {
        if (!origins.TryGetValue(diagnostic.Line, out var origin))
        {
            return $"Sheet '{WorkbookLayout.HeaderSheet}': {diagnostic.Message}";
        }
        var column = origin.Spans.LastOrDefault(s => s.Start <= diagnostic.Column).Column;
        var letter = WorkbookLayout.ColumnLetter(column == 0 ? WorkbookLayout.KeyColumn : column);
        return $"Sheet '{origin.Sheet}', row {origin.Row}, column {letter}: {diagnostic.Message}";
    }
}
