namespace Diligence.Data;

/// <summary>What <see cref="IFindingStore.SyncRaisedAsync"/> changed: findings added, withdrawn and raised again.</summary>
public sealed record FindingSyncResult(int Added, int Withdrawn, int Reinstated)
{
    public bool Changed => Added + Withdrawn + Reinstated > 0;
}
