namespace Diligence.Core.Yaml;

/// <summary>Collects the diagnostics of one file, in the order found.</summary>
internal sealed class DiagnosticBag(string file)
{
    private readonly List<Diagnostic> _diagnostics = [];

    public string File { get; } = file;

    public bool HasErrors { get; private set; }

    public void Error(int line, int column, string message)
    {
        HasErrors = true;
        _diagnostics.Add(new Diagnostic(File, line, column, DiagnosticLevel.Error, message));
    }

    public void Error(Node node, string message) => Error(node.Line, node.Column, message);

    public void Warning(int line, int column, string message) =>
        _diagnostics.Add(new Diagnostic(File, line, column, DiagnosticLevel.Warning, message));

    public void Warning(Node node, string message) => Warning(node.Line, node.Column, message);

    /// <summary>By position, so a file's problems read top to bottom whatever pass found them.</summary>
    public IReadOnlyList<Diagnostic> ToSortedList() =>
        [.. _diagnostics.Select((d, i) => (d, i)).OrderBy(p => p.d.Line).ThenBy(p => p.d.Column).ThenBy(p => p.i).Select(p => p.d)];
}
