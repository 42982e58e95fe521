using System.Globalization;

namespace Diligence.Core;

/// <summary>One problem found in a file, at a 1-based line and column.</summary>
public sealed record Diagnostic(string File, int Line, int Column, DiagnosticLevel Level, string Message)
{
    public bool IsError => Level == DiagnosticLevel.Error;

    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{File}:{Line}:{Column}: {(Level == DiagnosticLevel.Error ? "error" : "warning")}: {Message}");
}
