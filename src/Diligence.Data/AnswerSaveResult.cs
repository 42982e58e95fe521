using Diligence.Core.Reviews;

namespace Diligence.Data;

/// <summary>The outcome of <see cref="IAnswerStore.SaveAsync"/>: <see cref="Saved"/> or <see cref="Conflict"/>.</summary>
public abstract record AnswerSaveResult
{
    private AnswerSaveResult()
    {
    }

    /// <summary>
    /// The save went through. Answer is the stored answer, null when the save cleared it;
    /// Version is what to send as the next expected version.
    /// </summary>
    public sealed record Saved(StoredAnswer? Answer, int Version) : AnswerSaveResult;

    /// <summary>
    /// Someone else saved first. Current is their answer (null when they cleared it), so the UI can show
    /// the other value and who wrote it; CurrentVersion is what a deliberate overwrite must send.
    /// </summary>
    public sealed record Conflict(StoredAnswer? Current, int CurrentVersion) : AnswerSaveResult;
}
