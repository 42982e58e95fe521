namespace Diligence.Web.Audit;

/// <summary>RFC 4180 lines. A cell a spreadsheet would run as a formula is prefixed with an apostrophe.</summary>
public static class Csv
{
    public static string Line(IEnumerable<string?> cells) => string.Join(",", cells.Select(Cell));

    private static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
