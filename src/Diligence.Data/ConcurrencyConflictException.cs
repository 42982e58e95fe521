namespace Diligence.Data;

/// <summary>A save based on a version that is no longer the stored one: someone else saved first.</summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException(string entity, Guid id, int expectedVersion, int actualVersion)
        : base($"{entity} {id} was changed by someone else: expected version {expectedVersion}, stored version {actualVersion}.")
    {
        Entity = entity;
        Id = id;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    public string Entity { get; }

    public Guid Id { get; }

    public int ExpectedVersion { get; }

    public int ActualVersion { get; }
}
