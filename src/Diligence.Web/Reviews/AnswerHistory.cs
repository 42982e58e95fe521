namespace Diligence.Web.Reviews;

/// <summary>A review's answer changes, newest first; of one question when <see cref="Key"/> is set.</summary>
public sealed record AnswerHistory(ReviewState State, string? Key, string? KeyPrompt, IReadOnlyList<HistoryEntry> Entries);
