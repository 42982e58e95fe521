namespace Diligence.Core;

public sealed class LoadResult<T>
    where T : class
{
    public LoadResult(T? value, IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        Diagnostics = diagnostics;
        // A value is only handed out when nothing is wrong with it, so callers never act on a half-read file.
        Value = diagnostics.Any(d => d.IsError) ? null : value;
    }

    public T? Value { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public bool Succeeded => Value is not null;

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.IsError);

    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => !d.IsError);
}
