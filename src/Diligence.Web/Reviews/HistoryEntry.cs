namespace Diligence.Web.Reviews;

/// <summary>One answer change in words: when, who, which question (and on which step), old and new value.</summary>
public sealed record HistoryEntry(
    DateTimeOffset At, string Who, string Key, string Prompt, string? StepId, string OldValue, string NewValue);
