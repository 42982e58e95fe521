namespace Diligence.Data.Sqlite;

/// <summary>What bringing a review's automatic findings in line with the raised ones would change.</summary>
internal sealed record FindingSyncPlan(
    IReadOnlyList<FindingInsert> Added,
    IReadOnlyList<FindingRow> Withdrawn,
    IReadOnlyList<FindingRow> Reinstated)
{
    public bool IsEmpty => Added.Count == 0 && Withdrawn.Count == 0 && Reinstated.Count == 0;
}
