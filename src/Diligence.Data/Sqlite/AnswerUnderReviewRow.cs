using Diligence.Core.Reviews;

namespace Diligence.Data.Sqlite;

/// <summary>A review's status with its answer to one key; the answer columns are empty (version 0) when never answered.</summary>
internal sealed class AnswerUnderReviewRow : AnswerRow
{
    public ReviewStatus ReviewStatus { get; init; }
}
