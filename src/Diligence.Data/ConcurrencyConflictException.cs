namespace Diligence.Data;

/// <summary>A save based on a version that is no longer the stored one: someone else saved first.</summary>
public sealed class ConcurrencyConflictException(string entity, Guid id, int expectedVersion, int actualVersion)
    : Exception($"{entity} {id} was changed by someone else: expected version {expectedVersion}, stored version {actualVersion}.")
{
    public string Entity { get; } = entity;

    public Guid Id { get; } = id;

    public int ExpectedVersion { get; } = expectedVersion;

    public int ActualVersion { get; } = actualVersion;
}
