namespace Diligence.Core;

public enum DiagnosticLevel
{
    Error,
    Warning,
}
