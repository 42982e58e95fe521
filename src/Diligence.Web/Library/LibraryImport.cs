namespace Diligence.Web.Library;

/// <summary>How many library answers an import changed, or every problem of a file that was refused (nothing changed).</summary>
public sealed record LibraryImport(int Changed, IReadOnlyList<string> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}
