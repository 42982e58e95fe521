namespace Diligence.Data;

/// <summary>The outcome of <see cref="IAnswerImportStore.ImportAsync"/>: <see cref="Imported"/>, <see cref="Conflict"/> or <see cref="Locked"/>.</summary>
public abstract record AnswerImportResult
{
    private AnswerImportResult()
    {
    }

    /// <summary>The answers were written; Changed counts those whose value differed.</summary>
    public sealed record Imported(int Changed) : AnswerImportResult;

    /// <summary>These keys were saved by someone else since they were read: nothing was written.</summary>
    public sealed record Conflict(IReadOnlyList<string> Keys) : AnswerImportResult;

    /// <summary>The review is decided: nothing was written.</summary>
    public sealed record Locked : AnswerImportResult;
}
