using System.Globalization;

namespace Diligence.Reports;

/// <summary>A write-up template that does not parse or render; <see cref="Exception.Message"/> is <c>file:line:col: message</c>.</summary>
public sealed class WriteUpTemplateException : Exception
{
    public WriteUpTemplateException(string file, int line, int column, string problem)
        : base(string.Create(CultureInfo.InvariantCulture, $"{file}:{line}:{column}: {problem}"))
    {
        File = file;
        Line = line;
        Column = column;
        Problem = problem;
    }

    public string File { get; }

    public int Line { get; }

    public int Column { get; }

    public string Problem { get; }
}
