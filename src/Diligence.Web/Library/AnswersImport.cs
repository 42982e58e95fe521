namespace Diligence.Web.Library;

/// <summary>How many answers an import (into a library or a review) changed, or every problem of a file that was refused (nothing changed).</summary>
public sealed record AnswersImport(int Changed, IReadOnlyList<string> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}
